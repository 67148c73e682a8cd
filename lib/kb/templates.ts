import type { JSONContent } from '@tiptap/core';
import type { Locale } from '@/lib/i18n/config';
import type { RichTextDoc } from '@/lib/rich-text/document';
import type { KbTemplateKey } from './rules';

// The built-in page templates as TipTap JSON, per language: headings and empty structure to fill in.

const text = (value: string): JSONContent => ({ type: 'text', text: value });
const heading = (value: string): JSONContent => ({ type: 'heading', attrs: { level: 2 }, content: [text(value)] });
const paragraph = (value?: string): JSONContent => (value ? { type: 'paragraph', content: [text(value)] } : { type: 'paragraph' });
const bullets = (items: string[]): JSONContent => ({ type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) });
const numbered = (items: string[]): JSONContent => ({ type: 'orderedList', content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) });
const checklist = (items: string[]): JSONContent => ({ type: 'taskList', content: items.map((item) => ({ type: 'taskItem', attrs: { checked: false }, content: [paragraph(item)] })) });
const table = (header: string[], rows: number): JSONContent => ({
  type: 'table',
  content: [
    { type: 'tableRow', content: header.map((cell) => ({ type: 'tableHeader', content: [paragraph(cell)] })) },
    ...Array.from({ length: rows }, () => ({ type: 'tableRow', content: header.map(() => ({ type: 'tableCell', content: [paragraph()] })) })),
  ],
});
const doc = (...content: JSONContent[]): RichTextDoc => ({ type: 'doc', content });

const templates: Record<Locale, Record<KbTemplateKey, { title: string; content: RichTextDoc }>> = {
  'zh-CN': {
    meetingMinutes: {
      title: '会议纪要',
      content: doc(
        heading('会议信息'), bullets(['时间：', '地点：', '主持人：', '参会人：']),
        heading('议题'), numbered(['']),
        heading('决议'), bullets(['']),
        heading('待办事项'), table(['事项', '负责人', '截止日期'], 2),
      ),
    },
    sop: {
      title: '标准作业流程（SOP）',
      content: doc(
        heading('目的'), paragraph(), heading('适用范围'), paragraph(), heading('角色与职责'), table(['角色', '职责'], 2),
        heading('操作步骤'), numbered(['', '']), heading('检查清单'), checklist(['']), heading('注意事项'), bullets(['']),
      ),
    },
    faq: {
      title: '常见问题（FAQ）',
      content: doc(heading('问题一'), paragraph('答：'), heading('问题二'), paragraph('答：'), heading('相关链接'), bullets([''])),
    },
  },
  en: {
    meetingMinutes: {
      title: 'Meeting minutes',
      content: doc(
        heading('Meeting'), bullets(['When:', 'Where:', 'Chair:', 'Attendees:']),
        heading('Topics'), numbered(['']),
        heading('Decisions'), bullets(['']),
        heading('Action items'), table(['Item', 'Owner', 'Due'], 2),
      ),
    },
    sop: {
      title: 'Standard operating procedure (SOP)',
      content: doc(
        heading('Purpose'), paragraph(), heading('Scope'), paragraph(), heading('Roles'), table(['Role', 'Responsibility'], 2),
        heading('Steps'), numbered(['', '']), heading('Checklist'), checklist(['']), heading('Notes'), bullets(['']),
      ),
    },
    faq: {
      title: 'Frequently asked questions (FAQ)',
      content: doc(heading('Question one'), paragraph('Answer:'), heading('Question two'), paragraph('Answer:'), heading('Related links'), bullets([''])),
    },
  },
};

/** A template's title and starting content in the language of whoever creates the page. */
export function pageTemplate(key: KbTemplateKey, locale: Locale): { title: string; content: RichTextDoc } {
  return templates[locale][key];
}
