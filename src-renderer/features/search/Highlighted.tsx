import { Mark, Text, type TextProps } from '@mantine/core';
import { useMemo } from 'react';
import { highlightSegments } from '../../../src-shared/search/highlight';

type Props = TextProps & {
  text: string;
  /** Normalised query words: the start of a word they match is marked. */
  terms: readonly string[];
  /** Normalised words found despite a typo: marked whole. */
  wholeTerms?: readonly string[];
  component?: 'p' | 'span';
};

/**
 * Text with the part a search matched marked (src-shared/search/highlight: word starts, case and
 * accents ignored). Mantine's Highlight marks a substring anywhere and only in the same accents,
 * so "an" would light up inside "Banana" and "sao" not in "São".
 */
export function Highlighted({ text, terms, wholeTerms, component = 'p', ...props }: Props) {
  const segments = useMemo(() => highlightSegments(text, terms, wholeTerms), [text, terms, wholeTerms]);
  return (
    <Text component={component} {...props}>
      {segments.map((segment, i) =>
        segment.match ? (
          <Mark key={i} color="yellow" data-testid="search-match">
            {segment.text}
          </Mark>
        ) : (
          segment.text
        ),
      )}
    </Text>
  );
}
