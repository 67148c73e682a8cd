import StarterKit from '@tiptap/starter-kit';

/** Links may point only at the web or an address; `javascript:` and friends never reach a page. */
export const ALLOWED_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/**
 * The one list of editor extensions: the editor, the server-side validation and the renderer all
 * use it, so what can be typed is exactly what is stored and shown.
 */
export const richTextExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      protocols: [...ALLOWED_LINK_PROTOCOLS],
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
    },
  }),
];
