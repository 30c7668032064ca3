// The Simplified Chinese catalogue. Until its translation lands it is English's texts.
import { english } from '../en/index.ts';
import { defineCatalogue } from '../shape.ts';

export const chinese = defineCatalogue({ ...english, language: 'zh' });
