// Administrator screens open for administrators only; anyone else sees `Otherwise` ("not found":
// the server refuses their requests anyway, FORBIDDEN). Use inside loggedIn(), which waits for
// the session.
import type { ComponentType } from "preact";
import { useApp } from "../../context";

export function adminOnly(
  Screen: ComponentType<any>,
  Otherwise: ComponentType<any>,
): ComponentType<any> {
  return function AdminOnly(props: object) {
    const { me } = useApp();
    if (me?.kind !== "ADMINISTRATOR") return <Otherwise />;
    return <Screen {...props} />;
  };
}
