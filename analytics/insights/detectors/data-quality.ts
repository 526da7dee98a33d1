// Problems in the data themselves, stated as facts rather than tested: they are counts, not estimates,
// so they carry no p-value and stay out of the false-discovery control.
//   - accessions whose rows were quarantined at ingest (the archive's register and reports), each with
//     its share of the rows received;
//   - issues of the request log (/api/utilization/quality): vague purposes, missing fields, completions
//     without a time — reported when they touch at least 5 % of their base.
//   effect: the share itself, on the common scale's steps (5 % → 0.2, 12.5 % → 0.5, 20 % → 0.8): a
//   fifth of a table unusable is as serious as a large effect.
import { listAccessions } from '../../archive/accessions.ts';
import type { ScanContext } from '../context.ts';
import type { Candidate } from '../finding.ts';
import { count, pageLink, percent } from '../format.ts';

const MATERIAL_SHARE = 0.05;
/** Parts of purpose_vague, which is reported instead of them. */
const PARTS_OF_VAGUE = new Set(['purpose_missing', 'purpose_search', 'purpose_other']);
const shareEffect = (share: number) => share * 4;

const ISSUE_LABELS: Record<string, { zh: string; en: string }> = {
  purpose_vague: { zh: '利用目的含糊（未填、“查找”或“其他”）', en: 'a vague purpose (none, 查找 or 其他)' },
  purpose_missing: { zh: '未填写利用目的', en: 'no purpose' },
  purpose_search: { zh: '利用目的写作“查找”', en: 'the purpose 查找' },
  purpose_other: { zh: '利用目的写作“其他”', en: 'the purpose 其他' },
  category_missing: { zh: '未填写档案类别', en: 'no archive category' },
  completion_missing: { zh: '标为“已完成”却无完成时间', en: 'marked 已完成 without a completion time' },
  requester_missing: { zh: '未填写利用者类型', en: 'no requester type' },
  channel_missing: { zh: '未填写利用渠道', en: 'no channel' },
  status_missing: { zh: '未填写办理状态', en: 'no status' },
};

interface QualityRow {
  issue: string;
  affected: number;
  base: number;
  share: number | null;
}

export async function dataQuality(ctx: ScanContext): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  const { rows: accessions } = await listAccessions(ctx.dataDir);
  for (const accession of accessions) {
    const { received, quarantined } = accession.totals;
    if (quarantined === 0 || received === 0) continue;
    const share = quarantined / received;
    candidates.push({
      area: 'quality',
      kind: 'data-quality',
      id: `data-quality:accession:${accession.accession_id}`,
      college: null,
      n: received,
      effect: shareEffect(share),
      p: null,
      material: true,
      numbers: { quarantined, received, share },
      sentence: {
        zh: `接收批次 ${accession.accession_id}（${accession.source ?? '—'}）有 ${count(quarantined)} 条记录未通过检查而被隔离，占收到的 ${count(received)} 条的 ${percent(share)}。`,
        en: `Accession ${accession.accession_id} (${accession.source ?? '—'}) had ${count(quarantined)} of ${count(received)} rows quarantined by the checks (${percent(share)}).`,
      },
      link: pageLink('/archive', { accession: accession.accession_id }),
    });
  }
  const issues = (await ctx.rows('metrics/utilization/data-quality', { from: null, to: null, category: null, channel: null, purpose: null, requester_type: null })) as unknown as QualityRow[];
  for (const issue of issues) {
    if (issue.share === null || issue.share < MATERIAL_SHARE || PARTS_OF_VAGUE.has(issue.issue)) continue;
    const label = ISSUE_LABELS[issue.issue] ?? { zh: issue.issue, en: issue.issue };
    candidates.push({
      area: 'quality',
      kind: 'data-quality',
      id: `data-quality:utilization:${issue.issue}`,
      college: null,
      n: issue.base,
      effect: shareEffect(issue.share),
      p: null,
      material: true,
      numbers: { affected: issue.affected, base: issue.base, share: issue.share },
      sentence: {
        zh: `档案利用登记中有 ${count(issue.affected)} 条（${percent(issue.share)}，共 ${count(issue.base)} 条）${label.zh}。`,
        en: `${count(issue.affected)} of ${count(issue.base)} entries of the request log (${percent(issue.share)}) have ${label.en}.`,
      },
      link: pageLink('/utilization', {}),
    });
  }
  return candidates;
}
