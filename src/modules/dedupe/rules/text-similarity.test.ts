import { describe, expect, it } from 'vitest';
import {
  bigrams,
  diceSimilarity,
  editSimilarity,
  isSubsequence,
  jaroWinkler,
  levenshteinSimilarity,
  osaDistance,
} from './text-similarity.ts';

describe('levenshteinSimilarity', () => {
  it('counts one Han character as one edit', () => {
    expect(levenshteinSimilarity('张伟明', '张伟民')).toBeCloseTo(2 / 3);
    expect(levenshteinSimilarity('云帆网络科技', '云凡网络科技')).toBeCloseTo(5 / 6);
  });

  it('is 1 for equal strings (also empty) and 0 for nothing in common', () => {
    expect(levenshteinSimilarity('', '')).toBe(1);
    expect(levenshteinSimilarity('王芳', '李娜')).toBe(0);
  });

  it('handles characters outside the BMP as one unit', () => {
    expect(levenshteinSimilarity('𠀀伟', '𠀁伟')).toBeCloseTo(0.5);
  });
});

describe('osaDistance / editSimilarity', () => {
  it('makes a swap of two neighbouring characters cost half an edit', () => {
    expect(osaDistance([...'张明伟'], [...'张伟明'], 0.5)).toBe(0.5);
    expect(editSimilarity('张明伟', '张伟明')).toBeCloseTo(1 - 0.5 / 3);
  });

  it('is the classic distance otherwise', () => {
    expect(osaDistance([...'kitten'], [...'sitting'])).toBe(3);
    expect(osaDistance([], [...'abc'])).toBe(3);
  });
});

describe('jaroWinkler', () => {
  it('gives the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
  });

  it('is 0 with no common character', () => {
    expect(jaroWinkler('王芳', '李娜')).toBe(0);
    expect(jaroWinkler('', '李娜')).toBe(0);
  });
});

describe('diceSimilarity', () => {
  it('compares bigram multisets', () => {
    expect(bigrams('云帆网络')).toEqual(['云帆', '帆网', '网络']);
    expect(diceSimilarity('云帆网络科技', '恒泰网络科技')).toBeCloseTo(0.6);
    expect(diceSimilarity('王', '王')).toBe(1);
    expect(diceSimilarity('王', '李')).toBe(0);
  });
});

describe('isSubsequence', () => {
  it('finds abbreviations that keep the order', () => {
    expect(isSubsequence('云帆科技', '云帆网络科技')).toBe(true);
    expect(isSubsequence('科技云帆', '云帆网络科技')).toBe(false);
  });
});
