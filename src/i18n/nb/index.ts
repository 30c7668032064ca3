// The Norwegian Bokmål catalogue. Until its translation lands it is English's texts.
import { english } from '../en/index.ts';
import { defineCatalogue } from '../shape.ts';

export const norwegian = defineCatalogue({ ...english, language: 'nb' });
