'use client';

import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { Bold, Code, Heading2, Heading3, ImagePlus, Italic, Link2, List, ListChecks, ListOrdered, Table } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId, useState, type ReactNode } from 'react';
import { extensionsFor, pageImageSrc, type RichTextFlavour } from '@/lib/rich-text/extensions';

interface RichTextEditorProps {
  /** Form field that carries the document as JSON. */
  name: string;
  label: string;
  /** A stored document, or the JSON string a rejected form sent back. */
  defaultValue?: unknown;
  errors?: string[];
  placeholder?: string;
  /** 'page' (knowledge pages): tables, images, checklists and code blocks too. */
  variant?: RichTextFlavour;
  /** Where an inserted image is uploaded (the space's file library); none: no image button. */
  imageUploadUrl?: string;
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
export function RichTextEditor({ name, label, defaultValue, errors, placeholder, variant = 'text', imageUploadUrl }: RichTextEditorProps) {
  const t = useTranslations('editor');
  const id = useId();
  const [json, setJson] = useState(() => (defaultValue && typeof defaultValue === 'object' ? JSON.stringify(defaultValue) : typeof defaultValue === 'string' ? defaultValue : ''));
  const [uploadNote, setUploadNote] = useState('');
  const invalid = Boolean(errors?.length);
  const editor = useEditor({
    extensions: extensionsFor(variant),
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
      heading3: e?.isActive('heading', { level: 3 }) ?? false, tasks: e?.isActive('taskList') ?? false, code: e?.isActive('codeBlock') ?? false,
      table: e?.isActive('table') ?? false,
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

  /** Uploads the chosen image into the space's library and inserts it by its members-only URL. */
  async function insertImage(file: File | undefined) {
    if (!file || !editor || !imageUploadUrl) return;
    setUploadNote(t('imageUploading'));
    const response = await fetch(`${imageUploadUrl}?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream' } });
    const body = await response.json().catch(() => null) as { file?: { id: string }; error?: { message: string } } | null;
    if (!response.ok || !body?.file) {
      setUploadNote(t('imageFailed', { message: body?.error?.message ?? response.statusText }));
      return;
    }
    setUploadNote('');
    editor.chain().focus().setImage({ src: pageImageSrc(body.file.id), alt: file.name }).run();
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
          {editor && variant === 'page' && [
            tool('heading3', t('heading3'), <Heading3 className="size-4" aria-hidden="true" />, active?.heading3, () => editor.chain().focus().toggleHeading({ level: 3 }).run()),
            tool('tasks', t('taskList'), <ListChecks className="size-4" aria-hidden="true" />, active?.tasks, () => editor.chain().focus().toggleTaskList().run()),
            tool('code', t('codeBlock'), <Code className="size-4" aria-hidden="true" />, active?.code, () => editor.chain().focus().toggleCodeBlock().run()),
            tool('table', t('table'), <Table className="size-4" aria-hidden="true" />, false, () => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()),
          ]}
          {editor && variant === 'page' && imageUploadUrl && (
            <label title={t('image')} className="inline-flex size-9 cursor-pointer items-center justify-center rounded text-slate-600 hover:bg-slate-100 focus-within:ring-2 focus-within:ring-brand-100">
              <ImagePlus className="size-4" aria-hidden="true" />
              <span className="sr-only">{t('image')}</span>
              <input type="file" accept="image/png,image/jpeg,image/gif,image/webp" className="sr-only" data-testid={`editor-${name}-image`}
                onChange={(event) => { void insertImage(event.target.files?.[0]); event.target.value = ''; }} />
            </label>
          )}
          {editor && active?.table && (
            <span className="flex gap-0.5 text-xs">
              <button type="button" className="min-h-9 rounded px-2 text-slate-700 hover:bg-slate-100" onClick={() => editor.chain().focus().addRowAfter().run()}>{t('addRow')}</button>
              <button type="button" className="min-h-9 rounded px-2 text-slate-700 hover:bg-slate-100" onClick={() => editor.chain().focus().addColumnAfter().run()}>{t('addColumn')}</button>
              <button type="button" className="min-h-9 rounded px-2 text-red-700 hover:bg-red-50" onClick={() => editor.chain().focus().deleteTable().run()}>{t('deleteTable')}</button>
            </span>
          )}
        </div>
        <EditorContent editor={editor} data-testid={`editor-${name}`} />
      </div>
      {uploadNote && <p role="status" className="mt-1 text-sm text-slate-600">{uploadNote}</p>}
      <input type="hidden" name={name} value={json} />
      {invalid && <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{errors!.join(' ')}</p>}
    </div>
  );
}
