import type { NotificationsApi } from '../service/notificationsApi';
import type { CompiledTemplates } from '../templates/compileTemplates';

/** What the resolvers are constructed with (see notificationsResolverContainer). */
export interface NotificationsResolverDeps {
  notifications: NotificationsApi;
  templates: CompiledTemplates;
}
