// The demo organisations' addresses, matching the synthetic actors of @kot/domain/testing. All
// e-mail addresses are on the reserved `.example` domain (RFC 2606): nothing can reach a real inbox.

import { CIZ, TOESLAGEN } from '@kot/domain';
import type { RecipientEntry } from './recipientDirectory';

const entry = (
  organisation: string,
  role: string,
  personId: string,
  displayName: string,
  email: string,
  language: 'nl' | 'en' = 'nl',
): RecipientEntry => ({
  organisation,
  role,
  personId,
  displayName,
  email,
  language,
  channels: ['email'],
});

export const demoRecipients: readonly RecipientEntry[] = [
  entry(
    'GM0344',
    'smi-officer',
    'u-officer-utrecht',
    'SMI-consulent Utrecht',
    'smi-officer@gm0344.example',
  ),
  entry('GM0344', 'smi-team-lead', '*', 'Teamleider SMI Utrecht', 'smi-team@gm0344.example'),
  entry(
    'GM0193',
    'smi-officer',
    'u-officer-zwolle',
    'SMI-consulent Zwolle',
    'smi-officer@gm0193.example',
  ),
  entry('GM0193', 'smi-team-lead', '*', 'Teamleider SMI Zwolle', 'smi-team@gm0193.example'),
  entry(
    'org-bewind-horizon',
    'bewindvoerder',
    '*',
    'Bewindvoering Horizon',
    'post@bewind-horizon.example',
  ),
  entry(
    'org-bewind-horizon',
    'bewindvoerder',
    'u-bewind-1',
    'Bewindvoerder Horizon 1',
    'bewind-1@bewind-horizon.example',
  ),
  entry('org-bewind-noord', 'bewindvoerder', '*', 'Bewind Noord', 'post@bewind-noord.example'),
  entry('org-mee-vallei', 'client-supporter', '*', 'MEE Vallei', 'team@mee-vallei.example', 'en'),
  entry(CIZ, 'ciz-assessor', '*', 'CIZ indicatiestelling', 'wlz-desk@ciz.example'),
  entry(CIZ, 'ciz-team-lead', '*', 'CIZ teamleiding', 'wlz-lead@ciz.example'),
  entry(
    TOESLAGEN,
    'toeslagen-officer',
    '*',
    'Belcentrum Toeslagen',
    'belcentrum@toeslagen.example',
  ),
  entry(
    TOESLAGEN,
    'toeslagen-team-lead',
    '*',
    'Teamleider Toeslagen',
    'teamlead@toeslagen.example',
  ),
];
