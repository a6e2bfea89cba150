import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { formatDateTime } from "~/lib/dates";
import { Field, FormAlert, FieldError, SelectField, SubmitButton, IntentButtonForm } from "~/ui/form";
import { meetingOptions, type MeetingChoice } from "./meeting-options";
import { Panel } from "~/ui/panel";

const v = t.recommendations.vote;

export type VotePanelProps = {
  status: string;
  voteDeadline: string | null;
  ballotOpen: boolean;
  ballots: number | null;
  ownVote: { choice: string; conflictReason: string | null } | null;
  canVote: boolean;
  canManage: boolean;
  votedVersion: number | null;
  meetings: MeetingChoice[];
  meetingId: number | null;
  errors: Record<string, string>;
};

/** The open ballot (members), and the staff controls to open and close it. */
export function VotePanel(props: VotePanelProps) {
  if (props.status === "draft") return props.canManage ? <StartVoteForm {...props} /> : null;
  if (props.status !== "voting") return null;
  return (
    <Panel id="vote-title" title={v.heading} className="no-print rounded border border-amber-700 p-4">
      <FormAlert message={props.errors.form} />
      {props.votedVersion ? <p>{v.frozenVersion(props.votedVersion)}</p> : null}
      <p>{!props.ballotOpen ? v.expired : props.voteDeadline ? v.openUntil(formatDateTime(props.voteDeadline)) : v.openAtMeeting}</p>
      {props.ballots !== null ? <p>{v.ballots(props.ballots)}</p> : null}
      {props.canVote && props.ballotOpen ? <Ballot {...props} /> : null}
      {props.canManage ? <IntentButtonForm intent="close-vote" label={v.close} className="mt-4" buttonClassName="btn-secondary" /> : null}
    </Panel>
  );
}

function Ballot({ ownVote, errors }: VotePanelProps) {
  return (
    <Form method="post" className="mt-3 space-y-3">
      {ownVote ? <p role="status">{v.yourCurrentVote(v.choiceShort[ownVote.choice])}</p> : null}
      <fieldset aria-describedby={errors.choice ? "choice-error" : undefined}>
        <legend className="font-medium">{v.yourVote}</legend>
        {(["ja", "nein", "enthaltung", "befangen"] as const).map((choice) => (
          <label key={choice} className="flex items-center gap-2 font-normal">
            <input type="radio" name="choice" value={choice} defaultChecked={ownVote?.choice === choice} />
            {v.choices[choice]}
          </label>
        ))}
        <FieldError id="choice-error" message={errors.choice} />
      </fieldset>
      <div className="flex flex-col">
        <label htmlFor="conflictReason">{v.conflictReason}</label>
        <input id="conflictReason" name="conflictReason" maxLength={500} defaultValue={ownVote?.conflictReason ?? ""} />
      </div>
      <SubmitButton intent="vote">{v.submit}</SubmitButton>
    </Form>
  );
}

function StartVoteForm({ errors, meetings, meetingId }: VotePanelProps) {
  return (
    <Panel id="start-vote-title" title={v.start} hint={v.startHint} className="no-print rounded border border-slate-300 p-4">
      <FormAlert message={errors.form} />
      <Form method="post" className="space-y-3" noValidate>
        <Field name="deadline" idPrefix="" label={v.deadline} type="datetime-local" errors={errors} />
        <SelectField
          id="vote-meeting"
          name="meetingId"
          label={v.meeting}
          errors={errors}
          defaultValue={meetingId ?? ""}
          options={meetingOptions(meetings, v.noMeeting)}
        />
        <SubmitButton intent="start-vote">{v.start}</SubmitButton>
      </Form>
    </Panel>
  );
}
