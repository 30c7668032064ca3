// The Italian catalogue. Until its translation lands it is English's texts.
import { english } from '../en/index.ts';
import { defineCatalogue } from '../shape.ts';

export const italian = defineCatalogue({ ...english, language: 'it' });
