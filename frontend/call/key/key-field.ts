import '@vaadin/password-field/src/vaadin-password-field.js';
import { checkKey, KEY_MAX_LENGTH, KEY_MIN_LENGTH, type KeyCheck } from './encryption-key';
import { weakKeyHint } from './key-strength';

const DEFAULT_HELP = `${KEY_MIN_LENGTH}-${KEY_MAX_LENGTH} characters, shared with the people you call; it never leaves this browser and is not kept when the page reloads`;

// Light DOM, so the rules are scoped by the tag name; the field inside keeps Vaadin's own look.
const styles = new CSSStyleSheet();
styles.replaceSync(`
  e2ee-key-field {
    display: inline-block;
  }
  e2ee-key-field[hidden] {
    display: none;
  }
  e2ee-key-field > vaadin-password-field {
    width: 100%;
  }
  e2ee-key-field .key-strength {
    color: var(--lumo-warning-text-color, #8a6100);
  }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, styles];

/**
 * `<e2ee-key-field>`: a Vaadin password field for an encryption key, which stays in this browser.
 * The server sets its label and texts and asks `checkKey()` for the verdict; nothing sends the key,
 * nor the strength hint shown under it. The call element reads the key with `takeKey()`.
 *
 * It wraps a `<vaadin-password-field>` instead of extending it: in Vaadin 25 the Lumo theme reaches
 * a field by its tag name, so a subclass under a new tag would lose Vaadin's look.
 */
export class KeyField extends HTMLElement {
  readonly #field = document.createElement('vaadin-password-field');
  readonly #help = document.createElement('div');
  readonly #strength = document.createElement('div');
  #helperText = '';
  #weakKeyAdvice = '';

  constructor() {
    super();
    // No maxlength, minlength or pattern: the browser would shorten a pasted key without a word.
    this.#field.autocomplete = 'off';
    this.#field.autocapitalize = 'off';
    this.#field.setAttribute('autocorrect', 'off');
    this.#field.setAttribute('spellcheck', 'false');
    // Only this element marks the field invalid, so that a refusal stays until the key is edited.
    this.#field.manualValidation = true;
    this.#strength.className = 'key-strength';
    this.#strength.setAttribute('aria-live', 'polite');
    const helper = document.createElement('div');
    helper.slot = 'helper';
    helper.append(this.#help, this.#strength);
    this.#field.append(helper);
    this.#field.addEventListener('input', () => this.#keyEdited());
    // Enter on the show-key button shows the key; only Enter typed into the field reaches the form.
    this.#field.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !(event.composedPath()[0] instanceof HTMLInputElement)) {
        event.stopPropagation();
      }
    });
    this.#showHelp();
  }

  connectedCallback(): void {
    // a property set before this element was defined is an own property hiding the accessor
    for (const name of ['label', 'helperText', 'weakKeyAdvice'] as const) {
      if (Object.hasOwn(this, name)) {
        const value: unknown = Reflect.get(this, name);
        Reflect.deleteProperty(this, name);
        Reflect.set(this, name, value);
      }
    }
    if (this.#field.parentNode !== this) {
      this.append(this.#field);
    }
  }

  /** The field's accessible label. */
  get label(): string {
    return this.#field.label ?? '';
  }

  set label(label: string) {
    this.#field.label = label;
  }

  /** The text under the field; empty for the default, which states the rule. */
  get helperText(): string {
    return this.#helperText;
  }

  set helperText(text: string) {
    this.#helperText = text ?? '';
    this.#showHelp();
  }

  /** A sentence added to the hint for a weak key, saying what to do instead (such as generating one). */
  get weakKeyAdvice(): string {
    return this.#weakKeyAdvice;
  }

  set weakKeyAdvice(advice: string) {
    this.#weakKeyAdvice = advice ?? '';
    this.#showStrength();
  }

  /** The key as typed or pasted, every character of it. */
  get value(): string {
    return this.#field.value ?? '';
  }

  set value(key: string) {
    this.#field.value = key;
    this.#keyEdited();
  }

  /** The verdict on the key, for the server: never the key itself. Changes nothing on the page. */
  checkKey(): KeyCheck {
    return checkKey(this.value);
  }

  /** The key, when the rule accepts it; otherwise the refusal is shown under the field and there is no key. */
  takeKey(): string | undefined {
    const check = this.checkKey();
    this.showError(check.message);
    return check.valid ? this.value : undefined;
  }

  /** Shows a message under the field and marks it invalid; an empty message clears both. */
  showError(message: string): void {
    this.#field.errorMessage = message;
    this.#field.invalid = message !== '';
  }

  /** Empties the field, its hint and any message. */
  clear(): void {
    this.value = '';
  }

  override focus(options?: FocusOptions): void {
    this.#field.focus(options);
  }

  #keyEdited(): void {
    // a message about the key that was there no longer applies
    this.showError('');
    this.#showStrength();
  }

  #showHelp(): void {
    this.#help.textContent = this.#helperText || DEFAULT_HELP;
  }

  #showStrength(): void {
    const hint = weakKeyHint(this.value);
    this.#strength.textContent = hint && this.#weakKeyAdvice ? `${hint} ${this.#weakKeyAdvice}` : hint;
    this.#strength.hidden = hint === '';
  }
}

customElements.define('e2ee-key-field', KeyField);

declare global {
  interface HTMLElementTagNameMap {
    'e2ee-key-field': KeyField;
  }
}
