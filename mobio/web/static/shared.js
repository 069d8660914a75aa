// The stakeholder's page: the key stays in the URL fragment (never sent to the server or in a
// Referer) and goes out only in a header, on an explicit click, so a mail scanner that opens
// the link neither uses it nor counts as a view.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const key = decodeURIComponent(window.location.hash.slice(1));
  const button = document.getElementById("show");
  const target = document.getElementById("package");
  if (!key) {
    button.hidden = true;
    return;
  }
  button.addEventListener("click", async () => {
    button.disabled = true;
    const response = await fetch("/shared/view", {
      method: "POST",
      headers: { "X-Release-Token": key },
      credentials: "omit",
    });
    // The server escapes every value it renders into this fragment.
    target.innerHTML = await response.text();
    button.hidden = true;
    document.getElementById("print").hidden = response.status !== 200;
  });
  document.getElementById("print").addEventListener("click", () => window.print());
});
