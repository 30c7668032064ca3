// The Norwegian Bokmål catalogue. Until its translation lands it is English's texts.
import { english } from '../en/index.ts';
import { ui } from './ui.ts';
import { defineCatalogue } from '../shape.ts';

export const norwegian = defineCatalogue({ ...english, ui, language: 'nb' });
