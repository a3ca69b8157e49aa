import { roles, type Role } from '@kot/domain';

export const isRole = (value: string): value is Role =>
  (roles as readonly string[]).includes(value);
