// Two groups side by side (sql/metrics/grades/cohort-comparison.sql gives each side's students, mean
// and variance of a per-student measure): the difference b − a with its 95% interval, Welch's t-test
// (unequal variances: cohorts and colleges differ in spread as well as in level), Cohen's d, and a
// verdict in plain Chinese and English. The verdict separates "can we tell them apart" (p < 0.05) from
// "does it matter" (Cohen's conventions for |d|): with thousands of students a tenth of a point is
// significant and still negligible.
import { cohensD, effectSize, welchTest, type GroupSummary } from '../statistics.ts';

export type Measure = 'score' | 'gpa';
export type CompareBy = 'cohort' | 'college';

export interface Side extends GroupSummary {
  /** The cohort's year as text, or the college's name. */
  value: string;
}

export interface Comparison {
  difference: number | null;
  ci_low: number | null;
  ci_high: number | null;
  t: number | null;
  df: number | null;
  p_value: number | null;
  cohens_d: number | null;
  effect: 'negligible' | 'small' | 'medium' | 'large' | null;
  verdict_zh: string;
  verdict_en: string;
}

export const ALPHA = 0.05;

export function compareSides(a: Side, b: Side, measure: Measure, by: CompareBy): Comparison {
  const test = welchTest(a, b);
  const d = cohensD(a, b);
  const effect = d === null ? null : effectSize(d);
  const verdict = verdictText(a, b, measure, by, test ? { ...test, d, effect } : null);
  return {
    difference: test?.difference ?? (a.n > 0 && b.n > 0 ? b.mean - a.mean : null),
    ci_low: test?.low ?? null,
    ci_high: test?.high ?? null,
    t: test?.t ?? null,
    df: test?.df ?? null,
    p_value: test?.p ?? null,
    cohens_d: d,
    effect,
    verdict_zh: verdict.zh,
    verdict_en: verdict.en,
  };
}

const EFFECT_ZH = { negligible: '可忽略', small: '小', medium: '中等', large: '大' } as const;

function label(side: Side, by: CompareBy, language: 'zh' | 'en'): string {
  if (by === 'college') return side.value;
  return language === 'zh' ? `${side.value}级` : `the ${side.value} cohort`;
}

/** p as people read it: "p < 0.001" or "p = 0.034". */
export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

function verdictText(
  a: Side,
  b: Side,
  measure: Measure,
  by: CompareBy,
  test: { difference: number; low: number; high: number; p: number; d: number | null; effect: Comparison['effect'] } | null,
): { zh: string; en: string } {
  const digits = measure === 'gpa' ? 2 : 1;
  const fmt = (x: number) => x.toFixed(digits);
  const [aZh, bZh, aEn, bEn] = [label(a, by, 'zh'), label(b, by, 'zh'), label(a, by, 'en'), label(b, by, 'en')];
  const what = measure === 'gpa' ? { zh: '平均学分绩点', en: 'GPA', unitZh: '', unitEn: ' grade points' } : { zh: '加权平均分', en: 'credit-weighted mean score', unitZh: ' 分', unitEn: ' points' };
  if (!test) {
    return {
      zh: `${aZh}或${bZh}的学生太少（每组至少需要 2 人且成绩有差异），无法比较。`,
      en: `Too few students in ${aEn} or ${bEn} to compare (each side needs at least 2 with differing results).`,
    };
  }
  const ci = { zh: `95% 置信区间 ${fmt(test.low)} 至 ${fmt(test.high)}`, en: `95% CI ${fmt(test.low)} to ${fmt(test.high)}` };
  const p = formatP(test.p);
  if (test.p >= ALPHA) {
    return {
      zh: `${bZh}与${aZh}的${what.zh}没有统计上可靠的差异：相差 ${fmt(test.difference)}${what.unitZh}（${ci.zh}，${p}），差异可能只是偶然。`,
      en: `No reliable difference in ${what.en} between ${bEn} and ${aEn}: ${fmt(test.difference)}${what.unitEn} (${ci.en}, ${p}), which chance alone could produce.`,
    };
  }
  const higher = test.difference > 0;
  const size = Math.abs(test.difference);
  const d = test.d === null ? '' : `Cohen's d = ${test.d.toFixed(2)}`;
  const effect = test.effect ?? 'negligible';
  const zhEffect = effect === 'negligible' ? `，但效应量可忽略（${d}）：学生人数多时，很小的差别也能被检出` : `，效应量${EFFECT_ZH[effect]}（${d}）`;
  const enEffect = effect === 'negligible' ? `, but the effect is negligible (${d}): with this many students even a small gap is detected` : `, a ${effect} effect (${d})`;
  return {
    zh: `${bZh}的${what.zh}比${aZh}${higher ? '高' : '低'} ${fmt(size)}${what.unitZh}（${ci.zh}），差异在统计上显著（${p}）${zhEffect}。`,
    en: `${capitalize(bEn)} has a ${what.en} ${fmt(size)}${what.unitEn} ${higher ? 'higher' : 'lower'} than ${aEn} (${ci.en}), a statistically significant difference (${p})${enEffect}.`,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
