// Building the page's DOM without HTML strings: text goes in as textContent, so nothing a service returns can become
// markup or script. Event handlers are attached with addEventListener (the CSP forbids inline ones).
export type Child = Node | string | number | false | null | undefined;

export interface Props {
  readonly class?: string;
  readonly id?: string;
  /** Attributes such as role, aria-*, title, tabindex. */
  readonly attrs?: Readonly<Record<string, string>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  if (props.id) element.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  append(element, ...children);
  return element;
}

export function append(parent: Element, ...children: Child[]): void {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    parent.append(typeof child === 'number' ? String(child) : child);
  }
}

/** A codicon (the font from @vscode/codicons); decorative unless given a label. */
export function codicon(name: string, label?: string): HTMLElement {
  const element = h('span', { class: `codicon codicon-${name}` });
  if (label) {
    element.setAttribute('role', 'img');
    element.setAttribute('aria-label', label);
  } else {
    element.setAttribute('aria-hidden', 'true');
  }
  return element;
}

/** A button that looks like a link: it acts inside VS Code (reveals a tree node), so it is a button to assistive tech. */
export function linkButton(label: string, onClick: () => void, title?: string): HTMLButtonElement {
  const element = h('button', { class: 'link', attrs: { type: 'button', ...(title ? { title } : {}) } }, label);
  element.addEventListener('click', onClick);
  return element;
}
