import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { AgendaItemForm } from "~/meetings/ui/agenda-item-form";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { addAgendaItem, moveAgendaItem, removeAgendaItem, updateAgendaItem } from "~/meetings/agenda-edit.server";
import { listAgendaItems, listAgendaLinkOptions } from "~/meetings/agenda.server";
import { AgendaItemSchema } from "~/meetings/schemas.server";
import { loadMeeting } from "~/meetings/access.server";
import { meetingEditAction } from "~/meetings/edit-action.server";
import { requirePermission } from "~/policy.server";
import { orderedListIntents } from "~/lib/fields";
import { DataTable } from "~/ui/table";
import { FormAlert } from "~/ui/form";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.meetings.editAgenda} – Digitalbeirat` }];

const IntentSchema = orderedListIntents("itemId");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:meeting");
  const meeting = await loadMeeting(params);
  const [items, options] = await Promise.all([listAgendaItems({ viewer: user, meetingIds: [meeting.id] }), listAgendaLinkOptions()]);
  return json({ meeting, items, ...options });
}

async function runIntent(actorId: number, meetingId: number, form: FormData) {
  const intent = parseForm(IntentSchema, form);
  if (!intent.ok) return { ok: false, status: 400, errors: { form: t.meetings.errors.badRequest } } as const;
  const data = intent.data;
  if (data.intent === "remove") return removeAgendaItem({ actorId, meetingId, itemId: data.itemId });
  if (data.intent === "up" || data.intent === "down") {
    return moveAgendaItem({ actorId, meetingId, itemId: data.itemId, direction: data.intent });
  }
  const parsed = parseForm(AgendaItemSchema, form);
  if (!parsed.ok) return { ok: false, status: 422, errors: parsed.errors } as const;
  if (data.intent === "add") return addAgendaItem({ actorId, meetingId, input: parsed.data });
  return updateAgendaItem({ actorId, meetingId, itemId: data.itemId, input: parsed.data });
}

export async function action(args: ActionFunctionArgs) {
  return meetingEditAction(args, "tagesordnung", runIntent);
}

function ItemButtons({ itemId, number, first, last }: { itemId: number; number: string; first: boolean; last: boolean }) {
  const a = t.meetings.agenda;
  const button = (intent: string, label: string, aria: string, disabled = false) => (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={itemId} />
      <button type="submit" className="btn-secondary px-2 py-1 text-sm" aria-label={aria} disabled={disabled}>
        {label}
      </button>
    </Form>
  );
  return (
    <div className="flex flex-wrap gap-2">
      {button("up", a.moveUp, a.moveUpLabel(number), first)}
      {button("down", a.moveDown, a.moveDownLabel(number), last)}
      <Link to={`?bearbeiten=${itemId}#bearbeiten`} className="btn-secondary px-2 py-1 text-sm" aria-label={`${a.edit}: TOP ${number}`}>
        {a.edit}
      </Link>
      {button("remove", a.remove, a.removeLabel(number))}
    </div>
  );
}

export default function AgendaEditPage() {
  const { meeting, items, topicOptions, roundOptions } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const editingId = Number(params.get("bearbeiten") ?? data?.itemId ?? 0);
  const editing = items.find((item) => item.id === editingId);
  const locked = meeting.state === "durchgefuehrt";
  const errors = data?.errors ?? {};
  const a = t.meetings.agenda;
  return (
    <TitledSection id="agenda-title" title={t.meetings.editAgenda}>
      <p>
        <Link to={`/sitzungen/${meeting.id}`}>{meeting.name}</Link>
      </p>
      {locked ? (
        <p role="status" className="rounded border border-amber-700 bg-amber-50 p-3">
          {a.locked}
        </p>
      ) : null}
      {data?.intent && data.intent !== "add" && data.intent !== "update" ? <FormAlert message={errors.form} /> : null}
      {items.length === 0 ? (
        <p>{a.empty}</p>
      ) : (
        <DataTable
          caption={a.caption}
          captionClassName="text-left font-medium"
          className="my-4 w-full"
          columns={[a.top, a.name, a.nonPublic, ...(locked ? [] : [a.actions])]}
        >
          {items.map((item, index) => (
            <tr key={item.id}>
              <th scope="row">{item.number}</th>
              <td>{item.name}</td>
              <td>{item.isPublic ? "" : a.nonPublic}</td>
              {locked ? null : (
                <td>
                  <ItemButtons itemId={item.id} number={item.number} first={index === 0} last={index === items.length - 1} />
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {locked ? null : editing ? (
        <div id="bearbeiten">
          <h2>
            {a.edit}: {a.top} {editing.number}
          </h2>
          <AgendaItemForm
            values={{ ...editing, name: editing.name ?? "", description: editing.description ?? "" }}
            errors={data?.intent === "update" ? errors : {}}
            topicOptions={topicOptions}
            roundOptions={roundOptions}
          />
        </div>
      ) : (
        <>
          <h2>{a.add}</h2>
          <AgendaItemForm errors={data?.intent === "add" ? errors : {}} topicOptions={topicOptions} roundOptions={roundOptions} />
        </>
      )}
    </TitledSection>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.meetings.errors.notFound });
