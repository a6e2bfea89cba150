import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { DataTable } from "~/ui/table";

export type VoteRecordData = {
  result: string | null;
  rejectionReason: string | null;
  yesCount: number | null;
  noCount: number | null;
  abstainCount: number | null;
  recusedCount: number | null;
  eligibleCount: number | null;
  quorumRequired: number | null;
  quorumMet: boolean | null;
  voteClosedAt: string | null;
  votedVersion: number | null;
};

const v = t.recommendations.vote;

/** The stored result of a closed board vote: result, counts, quorum and recusals. */
export function VoteRecord({ record, recusals, headingLevel = 2 }: { record: VoteRecordData; recusals: Array<{ name: string | null }>; headingLevel?: 2 | 3 }) {
  if (!record.result) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const participants = (record.yesCount ?? 0) + (record.noCount ?? 0) + (record.abstainCount ?? 0);
  return (
    <section aria-labelledby="vote-record-title" className="vote-record">
      <Heading id="vote-record-title">{v.record}</Heading>
      <p className="font-semibold">
        {v.result[record.result]}
        {record.rejectionReason ? ` (${v.rejection[record.rejectionReason]})` : null}
        {record.voteClosedAt ? ` – ${v.closedOn} ${formatDate(record.voteClosedAt)}` : null}
      </p>
      <DataTable caption={v.record} captionClassName="sr-only" className="my-2" columns={[v.yes, v.no, v.abstain, v.recused]}>
        <tr>
          <td>{record.yesCount}</td>
          <td>{record.noCount}</td>
          <td>{record.abstainCount}</td>
          <td>{record.recusedCount}</td>
        </tr>
      </DataTable>
      <p>{v.quorum(participants, record.quorumRequired ?? 0, record.eligibleCount ?? 0, Boolean(record.quorumMet))}</p>
      {record.votedVersion ? <p className="text-sm text-slate-700">{v.votedVersion(record.votedVersion)}</p> : null}
      {recusals.length > 0 ? (
        <p>
          {v.recusals}: {recusals.map((r) => r.name ?? t.common.formerMember).join(", ")}
        </p>
      ) : null}
    </section>
  );
}
