import { Fragment, type ReactNode } from 'react';
import { parseMessage, type Inline } from '@/lib/chat/markdown';

interface MessageBodyProps {
  body: string;
  /** Names of the people it mentions. */
  names: Readonly<Record<string, string>>;
  meId: string;
  everyone: string;
}

/** A message's Markdown-lite as React nodes: text stays text, links only to http(s) and mail. */
export function MessageBody({ body, names, meId, everyone }: MessageBodyProps) {
  const mention = (key: number, label: string, mine: boolean) => (
    <span key={key} className={`rounded px-0.5 font-medium ${mine ? 'bg-amber-100 text-amber-900' : 'text-brand-700'}`} data-testid={mine ? 'mention-me' : undefined}>
      @{label}
    </span>
  );
  const inline = (nodes: readonly Inline[]): ReactNode[] => nodes.map((node, i) => {
    switch (node.t) {
      case 'text': return <Fragment key={i}>{node.v}</Fragment>;
      case 'bold': return <strong key={i}>{inline(node.c)}</strong>;
      case 'code': return <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.85em]">{node.v}</code>;
      case 'link': return <a key={i} href={node.href} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-brand-700 underline">{inline(node.c)}</a>;
      case 'mention': return mention(i, names[node.userId] ?? '?', node.userId === meId);
      case 'mentionAll': return mention(i, everyone, true);
    }
  });
  return (
    <div className="space-y-1 break-words text-sm leading-relaxed text-slate-900">
      {parseMessage(body).map((block, i) => {
        if (block.t === 'pre') return <pre key={i} className="overflow-x-auto rounded bg-slate-100 p-2 font-mono text-xs">{block.v}</pre>;
        if (block.t === 'ul') return <ul key={i} className="list-disc pl-5">{block.items.map((item, j) => <li key={j}>{inline(item)}</li>)}</ul>;
        if (block.t === 'ol') return <ol key={i} start={block.start} className="list-decimal pl-5">{block.items.map((item, j) => <li key={j}>{inline(item)}</li>)}</ol>;
        return <p key={i}>{block.lines.map((line, j) => <Fragment key={j}>{j > 0 && <br />}{inline(line)}</Fragment>)}</p>;
      })}
    </div>
  );
}
