// The ONE module that loads a webview component library. @vscode/webview-ui-toolkit 1.4.0 renders correctly in this
// VS Code but is deprecated upstream; @vscode-elements/elements registers the same tag names, so the two must never
// load together. Pages build controls only through these functions, so swapping the library touches this file alone.
import { provideVSCodeDesignSystem, vsCodeButton, vsCodeCheckbox, vsCodeDropdown, vsCodeOption, vsCodeTextArea, vsCodeTextField } from '@vscode/webview-ui-toolkit';
import { codicon, h } from './dom';

let registered = false;

/** Defines the custom elements once per page (before the first control is created). */
export function registerComponents(): void {
  if (registered) return;
  registered = true;
  // Only what the pages use. Not vscode-tag or vscode-badge: their template binds a style attribute, which the
  // pages' CSP (no 'unsafe-inline') blocks; tag() below draws the same chip with CSS instead.
  provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeCheckbox(), vsCodeTextField(), vsCodeTextArea(), vsCodeDropdown(), vsCodeOption());
}

export interface ButtonOptions {
  readonly appearance?: 'primary' | 'secondary';
  /** A codicon name shown before the label. */
  readonly icon?: string;
  /** Hover text; for icon buttons also the accessible name. */
  readonly title?: string;
  readonly onClick: () => void;
}

export function button(label: string, options: ButtonOptions): HTMLElement {
  const element = document.createElement('vscode-button');
  element.setAttribute('appearance', options.appearance ?? 'secondary');
  if (options.title) element.title = options.title;
  if (options.icon) {
    const icon = codicon(options.icon);
    icon.slot = 'start';
    element.append(icon);
  }
  element.append(label);
  element.addEventListener('click', options.onClick);
  return element;
}

/** A toolbar-style button showing only a codicon; `label` is its accessible name and tooltip. */
export function iconButton(icon: string, label: string, onClick: () => void): HTMLElement {
  const element = document.createElement('vscode-button');
  element.setAttribute('appearance', 'icon');
  element.setAttribute('aria-label', label);
  element.title = label;
  element.append(codicon(icon));
  element.addEventListener('click', onClick);
  return element;
}

/** Swaps an icon button's codicon (e.g. copy → check for a moment after copying). */
export function setButtonIcon(element: HTMLElement, icon: string): void {
  element.replaceChildren(codicon(icon));
}

export interface CheckboxOptions {
  readonly checked: boolean;
  /** Hover text and the longer accessible description. */
  readonly title?: string;
  readonly onChange: (checked: boolean) => void;
}

/** A checkbox with a visible label (its accessible name); Space toggles it, as a native one. */
export function checkbox(label: string, options: CheckboxOptions): HTMLElement & { checked: boolean } {
  const element = document.createElement('vscode-checkbox') as HTMLElement & { checked: boolean };
  element.checked = options.checked;
  if (options.title) element.title = options.title;
  element.append(label);
  element.addEventListener('change', () => options.onChange(element.checked));
  return element;
}

export function tag(text: string): HTMLElement {
  const element = document.createElement('span');
  element.className = 'tag';
  element.textContent = text;
  return element;
}

export type ValueElement = HTMLElement & { value: string };

export interface TextFieldOptions {
  readonly id?: string;
  readonly value?: string;
  readonly placeholder?: string;
  readonly maxLength?: number;
  /** Hover text and the longer accessible description. */
  readonly title?: string;
  /** A codicon shown at the start of the field (e.g. search). */
  readonly icon?: string;
  /** The id of the element that describes the field (its validation message). */
  readonly describedBy?: string;
  /** The label is for assistive tech only (a visible label sits beside the field). Not an aria-label set afterwards:
   * the toolkit replaces the aria-label of a field with no content by "Text field" when it connects. */
  readonly labelHidden?: boolean;
  readonly onInput: (value: string) => void;
}

/** A text field with a visible label (its accessible name); `onInput` gets every change as it is typed. */
export function textField(label: string, options: TextFieldOptions): ValueElement {
  const element = document.createElement('vscode-text-field') as ValueElement;
  if (options.id) element.id = options.id;
  element.setAttribute('value', options.value ?? '');
  element.value = options.value ?? '';
  if (options.placeholder) element.setAttribute('placeholder', options.placeholder);
  if (options.maxLength !== undefined) element.setAttribute('maxlength', String(options.maxLength));
  if (options.title) element.title = options.title;
  if (options.describedBy) element.setAttribute('aria-describedby', options.describedBy);
  if (options.icon) {
    const icon = codicon(options.icon);
    icon.slot = 'start';
    element.append(icon);
  }
  element.append(options.labelHidden ? h('span', { class: 'visually-hidden' }, label) : label);
  element.addEventListener('input', () => options.onInput(element.value));
  return element;
}

/** A multi-line text box; `label` is its visible label and accessible name. */
export function textArea(label: string, options: { readonly id?: string; readonly rows?: number; readonly placeholder?: string; readonly onInput: (value: string) => void }): ValueElement {
  const element = document.createElement('vscode-text-area') as ValueElement;
  if (options.id) element.id = options.id;
  element.setAttribute('rows', String(options.rows ?? 6));
  element.setAttribute('resize', 'vertical');
  if (options.placeholder) element.setAttribute('placeholder', options.placeholder);
  element.append(label);
  element.addEventListener('input', () => options.onInput(element.value));
  return element;
}

export interface DropdownChoice {
  readonly value: string;
  readonly label: string;
}

export interface DropdownOptions {
  readonly id?: string;
  readonly value?: string;
  /** The id of a visible element that labels the dropdown; without it `label` is its accessible name. */
  readonly labelledBy?: string;
  readonly onChange: (value: string) => void;
}

/** A dropdown (a combobox to assistive tech) of `choices`. */
export function dropdown(label: string, choices: readonly DropdownChoice[], options: DropdownOptions): ValueElement {
  const element = document.createElement('vscode-dropdown') as ValueElement;
  if (options.id) element.id = options.id;
  if (options.labelledBy) element.setAttribute('aria-labelledby', options.labelledBy);
  else element.setAttribute('aria-label', label);
  for (const choice of choices) {
    const option = document.createElement('vscode-option');
    option.setAttribute('value', choice.value);
    option.textContent = choice.label;
    if (choice.value === options.value) option.setAttribute('selected', '');
    element.append(option);
  }
  // The element also says `change` when it settles its own value (connecting, options slotted in): only a value that
  // differs from the last one is a choice the person made.
  let last = options.value ?? choices[0]?.value ?? '';
  // An option marked selected before the element upgraded is not always shown as chosen: set the value once it has.
  if (options.value !== undefined) {
    const value = options.value;
    requestAnimationFrame(() => {
      if (element.value !== value) element.value = value;
    });
  }
  element.addEventListener('change', () => {
    if (element.value === last) return;
    last = element.value;
    options.onChange(element.value);
  });
  return element;
}
