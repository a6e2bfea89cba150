import type { Operator } from "~/i18n/de/legal";
import type { SignLanguageVideo } from "~/legal/sign-language.server";
import { t } from "~/i18n/de";

export function SignLanguagePage({ operator, video }: { operator: Operator; video: SignLanguageVideo | null }) {
  const text = t.signLanguage;
  return (
    <article aria-labelledby="sign-language-title" className="max-w-3xl space-y-4">
      <h1 id="sign-language-title">{text.title}</h1>
      {video ? (
        <>
          <p>{text.withVideo.intro}</p>
          {/* Same-origin file; without a player the link below still gives it to the visitor. */}
          {/* eslint-disable-next-line jsx-a11y/media-has-caption -- a DGS video has no spoken words to caption; its content is on the Leichte Sprache page as text */}
          <video controls preload="metadata" className="w-full max-w-2xl" aria-label={video.title}>
            <source src={video.url} type={video.mimeType} />
          </video>
          <p>
            {text.withVideo.noPlayback}{" "}
            <a href={video.url} type={video.mimeType} download>
              {text.withVideo.download(video.title)}
            </a>
          </p>
        </>
      ) : (
        <>
          <p>{text.withoutVideo.intro}</p>
          <p>{text.withoutVideo.ask(operator)}</p>
        </>
      )}
      <section aria-labelledby="sign-language-more" className="no-print">
        <h2 id="sign-language-more">{text.alsoHeading}</h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <a href="/leichte-sprache">{text.easyLanguageLink}</a>
          </li>
          <li>
            <a href="/barrierefreiheit">{text.statementLink}</a>
          </li>
        </ul>
      </section>
    </article>
  );
}
