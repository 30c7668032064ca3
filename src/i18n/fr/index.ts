// The French (Canada) catalogue. Until its translation lands it is English's texts.
import { english } from '../en/index.ts';
import { defineCatalogue } from '../shape.ts';

export const french = defineCatalogue({ ...english, language: 'fr' });
