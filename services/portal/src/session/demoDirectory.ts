// Embedded demo mode only: the all-in-one lists its demo users and hands out their tokens. In any
// other mode these endpoints do not exist and the sign-in page asks for a token instead.

export interface DemoUserEntry {
  key: string;
  name: string;
  role: string;
  organisation: string;
  organisationName: string;
  /** For a supporter organisation: the municipalities whose families it helps (may be absent). */
  serves?: string[];
}

export async function fetchDemoUsers(): Promise<DemoUserEntry[] | null> {
  try {
    const response = await fetch('/demo/users', { headers: { accept: 'application/json' } });
    if (!response.ok) return null;
    const users: unknown = await response.json();
    return Array.isArray(users) ? (users as DemoUserEntry[]) : null;
  } catch {
    return null;
  }
}

export async function demoSignIn(key: string): Promise<string> {
  const response = await fetch('/demo/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key }),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  return token;
}
