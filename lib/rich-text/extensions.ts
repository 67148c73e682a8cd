import Image from '@tiptap/extension-image';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

/** Links may point only at the web or an address; `javascript:` and friends never reach a page. */
export const ALLOWED_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/**
 * Images on knowledge pages come only from the app's own file library (members-only URLs, see
 * `app/api/v1/files/[fileId]/image`): nothing is loaded from elsewhere.
 */
/** A path inside the app (a task, a file, a page): `/spaces/…`, never `//host`. */
export const APP_PATH = /^\/(?![/\\])/;

export const PAGE_IMAGE_SRC = /^\/api\/v1\/files\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/image$/i;

export const pageImageSrc = (fileId: string) => `/api/v1/files/${fileId}/image`;

const starterKit = (headingLevels: (2 | 3 | 4)[]) => StarterKit.configure({
  heading: { levels: headingLevels },
  link: {
    openOnClick: false,
    autolink: true,
    defaultProtocol: 'https',
    protocols: [...ALLOWED_LINK_PROTOCOLS],
    // Relative links (to tasks and files of the app) stay links.
    isAllowedUri: (url, ctx) => APP_PATH.test(url) || ctx.defaultValidate(url),
    HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
  },
});

/**
 * The one list of editor extensions: the editor, the server-side validation and the renderer all
 * use it, so what can be typed is exactly what is stored and shown. Task descriptions, minutes and
 * comments use the small set; knowledge-base pages add tables, images, checklists and code blocks.
 */
export const richTextExtensions = [starterKit([2, 3])];

export const pageExtensions = [
  starterKit([2, 3, 4]),
  TableKit.configure({ table: { resizable: false } }),
  // Pasted images from elsewhere are dropped as they are parsed, rather than refused at save.
  Image.extend({
    parseHTML: () => [{ tag: 'img[src]', getAttrs: (element) => (PAGE_IMAGE_SRC.test(element.getAttribute('src') ?? '') ? null : false) }],
  }).configure({ inline: false, allowBase64: false }),
  TaskList,
  TaskItem.configure({ nested: true }),
];

export type RichTextFlavour = 'text' | 'page';

export const extensionsFor = (flavour: RichTextFlavour) => (flavour === 'page' ? pageExtensions : richTextExtensions);
