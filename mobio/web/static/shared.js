// The stakeholder's page: the key stays in the URL fragment (never sent to the server or in a
// Referer) and goes out only in a header, on an explicit click, so a mail scanner that opens
// the link neither uses it nor counts as a view.
"use strict";

// The documents of the link's package (the server lists only the package's categories).
const DOCUMENTS_QUERY = "query SharedDocuments { sharedPerson { documents { id category fileName size uploadedAt } } }";

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
    if (response.status === 200) {
      await showDocuments(key);
    }
  });
  document.getElementById("print").addEventListener("click", () => window.print());
});

// Lists the package's documents; every value goes in as text, never as markup.
async function showDocuments(key) {
  const section = document.getElementById("documents");
  const texts = JSON.parse(section.dataset.texts);
  const rows = document.getElementById("document-rows");
  const notice = document.getElementById("documents-notice");
  section.hidden = false;
  let documents = null;
  try {
    const response = await fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Release-Token": key },
      credentials: "omit",
      body: JSON.stringify({ query: DOCUMENTS_QUERY }),
    });
    const body = await response.json();
    documents = body.data && body.data.sharedPerson && body.data.sharedPerson.documents;
  } catch (error) {
    documents = null;
  }
  rows.replaceChildren();
  if (!Array.isArray(documents)) {
    say(notice, texts.failed);
    return;
  }
  if (documents.length === 0) {
    say(notice, texts.none);
    return;
  }
  for (const item of documents) {
    const row = document.createElement("tr");
    const download = document.createElement("button");
    download.type = "button";
    download.textContent = texts.download;
    download.setAttribute("aria-label", `${texts.download}: ${item.fileName}`);
    download.addEventListener("click", () => downloadDocument(key, item, download, notice, texts));
    row.append(
      cell(item.fileName),
      cell(texts.categories[item.category] || item.category),
      cell(formatSize(item.size)),
      cell(formatDate(item.uploadedAt)),
      cell(download),
    );
    rows.append(row);
  }
}

// Fetches the document with the key in the header and saves it under its own name.
async function downloadDocument(key, item, button, notice, texts) {
  button.disabled = true;
  notice.hidden = true;
  try {
    const response = await fetch(`/shared/documents/${encodeURIComponent(item.id)}`, {
      method: "POST",
      headers: { "X-Release-Token": key },
      credentials: "omit",
    });
    if (!response.ok) {
      say(notice, texts.downloadFailed);
      return;
    }
    const name = fileName(response.headers.get("Content-Disposition"), item.fileName);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (error) {
    say(notice, texts.downloadFailed);
  } finally {
    button.disabled = false;
  }
}

// The name from Content-Disposition: the UTF-8 one (RFC 5987), else the plain one.
function fileName(disposition, fallback) {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition || "");
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch (error) {
      // a malformed escape: fall through to the plain name
    }
  }
  const plain = /filename="([^"]*)"/i.exec(disposition || "");
  return plain ? plain[1] : fallback;
}

function cell(content) {
  const td = document.createElement("td");
  td.append(content);
  return td;
}

function say(notice, text) {
  notice.textContent = text;
  notice.hidden = false;
}

const NUMBER = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });

function formatSize(bytes) {
  if (bytes < 1024 * 1024) {
    return `${NUMBER.format(Math.max(bytes / 1024, 0.1))} KB`;
  }
  return `${NUMBER.format(bytes / (1024 * 1024))} MB`;
}

function formatDate(value) {
  return new Date(value).toLocaleDateString("de-DE", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  });
}
