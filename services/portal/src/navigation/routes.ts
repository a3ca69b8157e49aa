// The pages and their addresses. Plain paths (no hash) so a link can be shared and bookmarked; the
// server answers every page path with the same index.html.

export type Route =
  | { page: 'worklist' }
  | { page: 'cases' }
  | { page: 'case'; caseId: string }
  | { page: 'case-audit'; caseId: string }
  | { page: 'referral' }
  | { page: 'signal' }
  | { page: 'report' }
  | { page: 'inbox' }
  | { page: 'smi-policy' }
  | { page: 'not-found' };

/** Where the identity provider sends the user back after signing in; they start at their worklist. */
export const signedInPath = '/signed-in';

export function routeOf(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (parts.length === 0 || first === 'werklijst' || `/${first}` === signedInPath) {
    return { page: 'worklist' };
  }
  if (first === 'zaken' && parts.length === 1) return { page: 'cases' };
  if (first === 'zaken' && second && parts.length === 2) return { page: 'case', caseId: second };
  if (first === 'zaken' && second && third === 'audit')
    return { page: 'case-audit', caseId: second };
  if (first === 'doorverwijzen') return { page: 'referral' };
  if (first === 'signaleren') return { page: 'signal' };
  if (first === 'rapportage') return { page: 'report' };
  if (first === 'berichten') return { page: 'inbox' };
  if (first === 'smi-beleid') return { page: 'smi-policy' };
  return { page: 'not-found' };
}

export function pathOf(route: Route): string {
  switch (route.page) {
    case 'worklist':
      return '/';
    case 'cases':
      return '/zaken';
    case 'case':
      return `/zaken/${encodeURIComponent(route.caseId)}`;
    case 'case-audit':
      return `/zaken/${encodeURIComponent(route.caseId)}/audit`;
    case 'referral':
      return '/doorverwijzen';
    case 'signal':
      return '/signaleren';
    case 'report':
      return '/rapportage';
    case 'inbox':
      return '/berichten';
    case 'smi-policy':
      return '/smi-beleid';
    case 'not-found':
      return '/';
  }
}
