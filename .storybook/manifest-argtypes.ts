/**
 * Docs tables and controls from the generated custom-elements manifest. Storybook's own
 * mapping keys every row by name alone, so a slot and a part that share a name (`action` on
 * `<wallet-balance>`) lose one row, and it offers an "object" control for every union type.
 * This keeps one row per API item and picks a control from the declared type.
 */
import type { ArgTypes, InputType } from 'storybook/internal/types';

interface ManifestItem {
  name: string;
  kind?: string;
  description?: string;
  summary?: string;
  type?: { text?: string };
  default?: string;
  readonly?: boolean;
  privacy?: string;
  static?: boolean;
}

interface ManifestDeclaration {
  tagName?: string;
  description?: string;
  members?: ManifestItem[];
  attributes?: ManifestItem[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
}

export interface Manifest {
  modules: Array<{ declarations?: ManifestDeclaration[] }>;
}

/** The manifest's sections, in the order the docs table shows them. */
const SECTIONS = [
  ['attributes', 'attributes'],
  ['members', 'properties'],
  ['events', 'events'],
  ['slots', 'slots'],
  ['cssParts', 'css shadow parts'],
  ['cssProperties', 'css custom properties'],
] as const;

/** Only the element's API: the analyzer also lists private, protected and static members. */
function isPublicMember(member: ManifestItem): boolean {
  return member.kind === 'field' && !member.static && member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#');
}

/** Documented, not editable (read-only getters, events, slots, parts, tokens, object types). */
const NO_CONTROL: Pick<InputType, 'control'> = { control: { disable: true } };

/**
 * A control for a declared type: booleans, numbers, text, or a select for a union of string
 * literals. An attribute of another type (an alias such as `CheckoutMode`) is still text in HTML.
 */
function controlFor(typeText: string | undefined, isAttribute: boolean): Pick<InputType, 'control' | 'options'> {
  const parts = (typeText ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined' && part !== 'null');
  if (parts.length > 0 && parts.every((part) => /^'[^']*'$/.test(part))) {
    return { control: { type: 'select' }, options: parts.map((part) => part.slice(1, -1)) };
  }
  if (parts.length === 1 && parts[0] === 'boolean') return { control: { type: 'boolean' } };
  if (parts.length === 1 && parts[0] === 'number') return { control: { type: 'number' } };
  if ((parts.length === 1 && parts[0] === 'string') || isAttribute) return { control: { type: 'text' } };
  return NO_CONTROL;
}

/** `billing-pay-request` to `onBillingPayRequest`, the arg the Actions panel logs it under. */
function actionArgName(eventName: string): string {
  return `on${eventName.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase())}`;
}

export function createArgTypesExtractor(manifest: Manifest) {
  const declarations = new Map<string, ManifestDeclaration>();
  for (const mod of manifest.modules) for (const declaration of mod.declarations ?? []) if (declaration.tagName) declarations.set(declaration.tagName, declaration);

  const extractArgTypes = (tag: string): ArgTypes | null => {
    const declaration = declarations.get(tag);
    if (!declaration) return null;
    const argTypes: ArgTypes = {};
    for (const [section, category] of SECTIONS) {
      const items = section === 'members' ? (declaration.members ?? []).filter(isPublicMember) : (declaration[section] ?? []);
      for (const item of items) {
        // Attributes and properties are the names a story's args use; the rest only document.
        const settable = (section === 'attributes' || section === 'members') && !item.readonly;
        const key = argTypes[item.name] === undefined ? item.name : `${item.name} (${category})`;
        argTypes[key] = {
          name: item.name,
          description: item.description ?? item.summary ?? '',
          ...(settable ? controlFor(item.type?.text, section === 'attributes') : NO_CONTROL),
          table: {
            category,
            type: item.type?.text ? { summary: item.type.text } : undefined,
            defaultValue: item.default === undefined ? undefined : { summary: item.default },
          },
        };
        if (section === 'events') argTypes[actionArgName(item.name)] = { name: actionArgName(item.name), action: item.name, table: { disable: true } };
      }
    }
    return argTypes;
  };

  const extractComponentDescription = (tag: string): string | undefined => declarations.get(tag)?.description;

  return { extractArgTypes, extractComponentDescription };
}
