/**
 * Picture agencies and libraries whose names end a credit line
 * ("… | Getty Images", "(Reuters/Jane Doe)", "/ iStock.com"), as a regular
 * expression alternation. A name, not a site: the same agencies credit
 * pictures on every news site.
 */
export const AGENCY =
  'getty images|istock(?:photo)?(?:\\.com)?|shutterstock(?:\\.com)?|afp|reuters|ap|dpa|epa|imago|bloomberg|keystone|picture alliance|unsplash';
