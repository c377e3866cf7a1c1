import { css } from 'lit';

export const providerStyles = css`
  /* Adds no box of its own: layout belongs to the page and the elements inside. */
  :host {
    display: contents;
  }
  :host([hidden]) {
    display: none;
  }
  /* Inherited by every billing element inside, whose themeStyles read it. */
  :host([theme='light']) {
    --billing-color-scheme: light;
  }
  :host([theme='dark']) {
    --billing-color-scheme: dark;
  }
`;
