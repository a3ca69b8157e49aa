// Templates are parsed and checked once, when the service starts (and in a unit test), against the
// params each rule guarantees. A template that asks for a field a rule may not give, a section
// that is never closed, or a rule or language without a template stops the start with one error
// listing every problem; rendering a message can then not fail for a missing field.

import {
  caseNumberOf,
  notificationRules,
  type NotificationParams,
  type NotificationRule,
} from '@kot/domain';
import { languages, type Language } from '../recipients/recipientDirectory';
import type { NotificationTemplates } from './notificationTemplates';
import { baseParameters, derivedParameters, type RuleParameters } from './ruleParameters';
import { labelOf } from './valueLabels';

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'field'; name: string }
  | { kind: 'section'; name: string; parts: Part[] };

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export interface CompiledTemplates {
  /** `caseUrl`: the case's page in the portal, linked under the message (e-mail only). */
  render(
    rule: NotificationRule,
    language: Language,
    params: NotificationParams,
    caseUrl?: string,
  ): RenderedMessage;
}

export class TemplateError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Notification templates are invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TemplateError';
  }
}

const TAG = /\{\{([#/]?)([A-Za-z][A-Za-z0-9]*)\}\}/g;

function parse(source: string, problems: string[], where: string): Part[] {
  const root: Part[] = [];
  let section: { name: string; parts: Part[] } | null = null;
  let last = 0;
  const target = () => section?.parts ?? root;
  for (const match of source.matchAll(TAG)) {
    const [tag, sigil, name] = match as unknown as [string, string, string];
    if (match.index > last) target().push({ kind: 'text', text: source.slice(last, match.index) });
    last = match.index + tag.length;
    if (sigil === '#') {
      if (section) problems.push(`${where}: section {{#${name}}} inside {{#${section.name}}}`);
      section = { name, parts: [] };
    } else if (sigil === '/') {
      if (section?.name !== name) problems.push(`${where}: {{/${name}}} closes nothing`);
      else root.push({ kind: 'section', name, parts: section.parts });
      section = null;
    } else {
      target().push({ kind: 'field', name });
    }
  }
  if (last < source.length) target().push({ kind: 'text', text: source.slice(last) });
  if (section) problems.push(`${where}: {{#${section.name}}} is never closed`);
  const stray = source.replace(TAG, '').match(/\{\{|\}\}/);
  if (stray) problems.push(`${where}: a "{{" or "}}" that is not a field`);
  return root;
}

function check(parts: Part[], parameters: RuleParameters, problems: string[], where: string) {
  const always = new Set<string>([...baseParameters, ...derivedParameters, ...parameters.required]);
  const sometimes = new Set(parameters.optional);
  for (const part of parts) {
    if (part.kind === 'field' && !always.has(part.name)) {
      problems.push(
        sometimes.has(part.name)
          ? `${where}: {{${part.name}}} is not always given; put it inside {{#${part.name}}}…{{/${part.name}}}`
          : `${where}: {{${part.name}}} is not a param of this rule`,
      );
    }
    if (part.kind === 'section') {
      if (!always.has(part.name) && !sometimes.has(part.name)) {
        problems.push(`${where}: section {{#${part.name}}} names no param of this rule`);
      }
      for (const inner of part.parts) {
        if (inner.kind === 'field' && !always.has(inner.name) && inner.name !== part.name) {
          problems.push(`${where}: {{${inner.name}}} is not always given`);
        }
      }
    }
  }
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function renderParts(
  parts: Part[],
  params: NotificationParams,
  language: Language,
  escape: (value: string) => string,
): string {
  return parts
    .map((part) => {
      if (part.kind === 'text') return escape(part.text);
      if (part.kind === 'section') {
        return params[part.name] === undefined
          ? ''
          : renderParts(part.parts, params, language, escape);
      }
      const value = params[part.name];
      // Unreachable after the start-up check unless the domain broke its own contract.
      if (value === undefined) throw new TemplateError([`param ${part.name} is missing`]);
      return escape(labelOf(part.name, value, language));
    })
    .join('');
}

const identity = (value: string) => value;

const openCase = (language: Language) => (language === 'nl' ? 'Open de zaak' : 'Open the case');

function toHtml(
  subject: string,
  paragraphs: string,
  footer: string,
  language: Language,
  caseUrl: string | undefined,
) {
  const body = paragraphs
    .split(/\n\n+/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const link = caseUrl ? `<p><a href="${escapeHtml(caseUrl)}">${openCase(language)}</a></p>\n` : '';
  return (
    `<!doctype html>\n<html lang="${language}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(subject)}</title></head>\n<body>\n${body}\n${link}` +
    `<p style="color:#555">${escapeHtml(footer)}</p>\n</body></html>\n`
  );
}

export function compileTemplates(
  templates: NotificationTemplates,
  parameters: Record<NotificationRule, RuleParameters>,
): CompiledTemplates {
  const problems: string[] = [];
  const compiled = new Map<string, { subject: Part[]; body: Part[] }>();
  for (const rule of notificationRules) {
    for (const language of languages) {
      const template = templates[rule]?.[language];
      if (!template) {
        problems.push(`${rule} (${language}): no template`);
        continue;
      }
      const subject = parse(template.subject, problems, `${rule} (${language}) subject`);
      const body = parse(template.body, problems, `${rule} (${language}) body`);
      check(subject, parameters[rule], problems, `${rule} (${language}) subject`);
      check(body, parameters[rule], problems, `${rule} (${language}) body`);
      compiled.set(`${rule}/${language}`, { subject, body });
    }
  }
  if (problems.length > 0) throw new TemplateError(problems);

  return {
    render(rule, language, intentParams, caseUrl) {
      const template = compiled.get(`${rule}/${language}`);
      if (!template) throw new TemplateError([`${rule} (${language}): no template`]);
      const params: NotificationParams = {
        ...intentParams,
        caseNumber: caseNumberOf(String(intentParams.caseId)),
      };
      const subject = renderParts(template.subject, params, language, identity);
      const footer = `${language === 'nl' ? 'Zaak' : 'Case'} ${params.caseNumber} · ${params.municipality}`;
      const link = caseUrl ? `\n\n${openCase(language)}: ${caseUrl}` : '';
      const text = `${renderParts(template.body, params, language, identity)}${link}\n\n-- \n${footer}\n`;
      const html = toHtml(
        subject,
        renderParts(template.body, params, language, escapeHtml),
        footer,
        language,
        caseUrl,
      );
      return { subject, text, html };
    },
  };
}
