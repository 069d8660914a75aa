// The status region of a screen: always in the page so that screen readers announce a success.
export function SuccessNotice({ message }: { message: string }) {
  return (
    <p role="status" class={message ? "notice notice-success" : "visually-hidden"}>
      {message}
    </p>
  );
}
