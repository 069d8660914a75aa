// A small Markdown subset for declarations (headings, paragraphs, lists, **bold**, *italic*), rendered as
// elements, never as HTML: whatever the text holds, it cannot inject markup.
import type { ComponentChildren, VNode } from "preact";

const STRONG = /^\*\*[^*]+\*\*$/;
const EMPHASIS = /^\*[^*\s][^*]*\*$/;

function inline(text: string): ComponentChildren {
  return text.split(/(\*\*[^*]+\*\*|\*[^*\s][^*]*\*)/g).map((part, i) => {
    if (STRONG.test(part)) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (EMPHASIS.test(part)) return <em key={i}>{part.slice(1, -1)}</em>;
    return part;
  });
}

export function Markdown({ text }: { text: string }) {
  const blocks: VNode[] = [];
  for (const [i, block] of text
    .replace(/\r\n/g, "\n")
    .split(/\n{2,}/)
    .entries()) {
    const lines = block.split("\n").filter((line) => line.trim());
    if (!lines.length) continue;
    const heading = /^(#{1,4})\s+(.*)$/.exec(lines[0] ?? "");
    if (heading && lines.length === 1) {
      // The page's <h1> is the screen; a declaration's headings start one level below it.
      const level = Math.min(6, (heading[1]?.length ?? 1) + 2);
      const Tag = `h${level}` as "h3";
      blocks.push(<Tag key={i}>{inline(heading[2] ?? "")}</Tag>);
    } else if (lines.every((line) => /^\s*[-*]\s+/.test(line))) {
      blocks.push(
        <ul key={i}>
          {lines.map((line, j) => (
            <li key={j}>{inline(line.replace(/^\s*[-*]\s+/, ""))}</li>
          ))}
        </ul>,
      );
    } else if (lines.every((line) => /^\s*\d+[.)]\s+/.test(line))) {
      blocks.push(
        <ol key={i}>
          {lines.map((line, j) => (
            <li key={j}>{inline(line.replace(/^\s*\d+[.)]\s+/, ""))}</li>
          ))}
        </ol>,
      );
    } else {
      blocks.push(<p key={i}>{inline(lines.join(" "))}</p>);
    }
  }
  return <>{blocks}</>;
}
