import { describe, expect, it } from 'vitest';
import { builtinSpaceTemplates } from '@/lib/templates/builtin-space-templates';
import { spaceTemplateContentSchema } from '@/lib/templates/space-template';

describe('builtinSpaceTemplates', () => {
  it('has exactly the four scenario keys, unique and in order', () => {
    const keys = builtinSpaceTemplates.map((template) => template.key);
    expect(keys).toEqual(['product-launch', 'event-preparation', 'customer-complaint', 'process-optimization']);
    expect(new Set(keys).size).toBe(keys.length);
  });

  describe.each(builtinSpaceTemplates.map((template) => [template.key, template] as const))('%s', (_key, template) => {
    it('has content that parses with the schema', () => {
      const result = spaceTemplateContentSchema.safeParse(template.content);
      expect(result.success, result.error?.message).toBe(true);
    });

    it('has non-empty names and descriptions in both languages', () => {
      for (const locale of ['zh-CN', 'en'] as const) {
        expect(template.name[locale].trim()).not.toBe('');
        expect(template.description[locale].trim()).not.toBe('');
      }
    });

    it('assigns every task to one of its department hints', () => {
      for (const task of template.content.tasks) {
        expect(template.content.departmentHints, task.name).toContain(task.departmentHint);
      }
    });

    it('keeps every task and milestone within the duration', () => {
      const { durationDays, tasks, milestones } = template.content;
      for (const item of [...tasks, ...milestones]) {
        expect(item.dueInDays, item.name).toBeLessThanOrEqual(durationDays);
      }
    });

    it('orders task due days non-decreasingly', () => {
      const days = template.content.tasks.map((task) => task.dueInDays);
      expect(days).toEqual([...days].sort((a, b) => a - b));
    });

    it('offers a usable starter set', () => {
      const { departmentHints, tasks, milestones, channels, minutesOutline } = template.content;
      expect(departmentHints.length).toBeGreaterThanOrEqual(3);
      expect(departmentHints.length).toBeLessThanOrEqual(5);
      expect(tasks.length).toBeGreaterThanOrEqual(6);
      expect(tasks.length).toBeLessThanOrEqual(10);
      expect(milestones.length).toBeGreaterThanOrEqual(3);
      expect(milestones.length).toBeLessThanOrEqual(5);
      expect(channels.length).toBeGreaterThanOrEqual(2);
      expect(channels.length).toBeLessThanOrEqual(4);
      expect(minutesOutline.length).toBeGreaterThanOrEqual(5);
      expect(minutesOutline.length).toBeLessThanOrEqual(7);
    });
  });
});
