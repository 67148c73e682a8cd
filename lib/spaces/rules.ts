// Client-safe facts about spaces, shared by the database schema, validation and forms.

export const SPACE_ROLES = ['owner', 'participant', 'observer'] as const;
/** 负责人 / 参与者 / 观察者. Space admins are members of any role with `isAdmin`. */
export type SpaceRole = (typeof SPACE_ROLES)[number];

export const SPACE_STATUSES = ['active', 'archived'] as const;
export type SpaceStatus = (typeof SPACE_STATUSES)[number];

export const SPACE_COLORS = ['blue', 'teal', 'green', 'amber', 'orange', 'rose', 'violet', 'slate'] as const;
export type SpaceColor = (typeof SPACE_COLORS)[number];

export const SPACE_NAME_MAX = 100;
/** A space has one or two admins (空间管理员). */
export const SPACE_ADMINS_MAX = 2;
