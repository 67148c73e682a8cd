'use client';

import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { Bold, Heading2, Italic, Link2, List, ListOrdered } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId, useState, type ReactNode } from 'react';
import { richTextExtensions } from '@/lib/rich-text/extensions';

interface RichTextEditorProps {
  /** Form field that carries the document as JSON. */
  name: string;
  label: string;
  /** A stored document, or the JSON string a rejected form sent back. */
  defaultValue?: unknown;
  errors?: string[];
  placeholder?: string;
}

function initialContent(value: unknown) {
  if (typeof value !== 'string') return value ?? '';
  try {
    return JSON.parse(value) as object;
  } catch {
    return value;
  }
}

/** The one rich-text editor (TipTap): a small toolbar, keyboard shortcuts, and a hidden field for forms. */
export function RichTextEditor({ name, label, defaultValue, errors, placeholder }: RichTextEditorProps) {
  const t = useTranslations('editor');
  const id = useId();
  const [json, setJson] = useState(() => (defaultValue && typeof defaultValue === 'object' ? JSON.stringify(defaultValue) : typeof defaultValue === 'string' ? defaultValue : ''));
  const invalid = Boolean(errors?.length);
  const editor = useEditor({
    extensions: richTextExtensions,
    content: initialContent(defaultValue) as string,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id: `${id}-input`,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': `${id}-label`,
        ...(invalid ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-error` } : {}),
        ...(placeholder ? { 'aria-placeholder': placeholder } : {}),
        class: 'rich-text min-h-28 px-3 py-2 text-base text-slate-900 focus:outline-none',
      },
    },
    onUpdate: ({ editor: e }) => setJson(e.isEmpty ? '' : JSON.stringify(e.getJSON())),
  });
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false, italic: e?.isActive('italic') ?? false, heading: e?.isActive('heading', { level: 2 }) ?? false,
      bullet: e?.isActive('bulletList') ?? false, ordered: e?.isActive('orderedList') ?? false, link: e?.isActive('link') ?? false,
    }),
  });

  function toggleLink() {
    if (!editor) return;
    if (editor.isActive('link')) {
      editor.chain().focus().unsetLink().run();
      return;
    }
    const href = window.prompt(t('linkPrompt'), 'https://');
    if (href) editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
  }

  const tool = (key: string, label: string, icon: ReactNode, pressed: boolean | undefined, run: () => void) => (
    <button
      key={key}
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed ?? false}
      onMouseDown={(event) => event.preventDefault()}
      onClick={run}
      className={`inline-flex size-9 items-center justify-center rounded ${pressed ? 'bg-slate-200 text-slate-900' : 'text-slate-600 hover:bg-slate-100'}`}
    >
      {icon}
    </button>
  );

  return (
    <div>
      <p id={`${id}-label`} className="mb-1 block text-sm font-medium text-slate-700" onClick={() => editor?.commands.focus()}>{label}</p>
      <div className={`rounded-md border bg-white shadow-sm focus-within:border-brand-600 focus-within:ring-2 focus-within:ring-brand-100 ${invalid ? 'border-red-500' : 'border-slate-300'}`}>
        <div role="toolbar" aria-label={t('toolbar', { label })} className="flex flex-wrap gap-0.5 border-b border-slate-200 p-1">
          {editor && [
            tool('bold', t('bold'), <Bold className="size-4" aria-hidden="true" />, active?.bold, () => editor.chain().focus().toggleBold().run()),
            tool('italic', t('italic'), <Italic className="size-4" aria-hidden="true" />, active?.italic, () => editor.chain().focus().toggleItalic().run()),
            tool('heading', t('heading'), <Heading2 className="size-4" aria-hidden="true" />, active?.heading, () => editor.chain().focus().toggleHeading({ level: 2 }).run()),
            tool('bullet', t('bulletList'), <List className="size-4" aria-hidden="true" />, active?.bullet, () => editor.chain().focus().toggleBulletList().run()),
            tool('ordered', t('orderedList'), <ListOrdered className="size-4" aria-hidden="true" />, active?.ordered, () => editor.chain().focus().toggleOrderedList().run()),
            tool('link', t('link'), <Link2 className="size-4" aria-hidden="true" />, active?.link, toggleLink),
          ]}
        </div>
        <EditorContent editor={editor} data-testid={`editor-${name}`} />
      </div>
      <input type="hidden" name={name} value={json} />
      {invalid && <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{errors!.join(' ')}</p>}
    </div>
  );
}
