import { currentSignLanguageVideo } from "~/documents/portal-video.server";

/**
 * The operator's video in Deutscher Gebärdensprache (DGS) for /gebaerdensprache, the
 * accessibility statement and the Leichte Sprache page: the current version of the portal file
 * an admin uploads at /admin/gebaerdensprache (docs/decisions/092); null when there is none.
 */
export type SignLanguageVideo = { url: string; mimeType: string; title: string };
type VideoSource = () => Promise<SignLanguageVideo | null>;

const uploadedVideo: VideoSource = async () => {
  const video = await currentSignLanguageVideo();
  return video ? { url: `/dokumente/${video.documentId}`, mimeType: video.mimeType, title: video.label } : null;
};
let source: VideoSource = uploadedVideo;

export function getSignLanguageVideo(): Promise<SignLanguageVideo | null> {
  return source();
}

/** Tests of the pages' wording may choose a source; null restores the uploaded video. */
export function setSignLanguageVideoSource(next: VideoSource | null) {
  source = next ?? uploadedVideo;
}
