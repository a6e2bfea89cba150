/**
 * The operator's video in Deutscher Gebärdensprache (DGS) for /gebaerdensprache and the
 * accessibility statement. No video is offered yet: the source answers null, and both pages
 * say so. Once the documents domain keeps uploaded files, the source becomes a lookup of the
 * operator's designated file (the integrator wires it; tests set their own source).
 */
export type SignLanguageVideo = { url: string; mimeType: string; title: string };
type VideoSource = () => Promise<SignLanguageVideo | null>;

const noVideoYet: VideoSource = async () => null;
let source: VideoSource = noVideoYet;

export function getSignLanguageVideo(): Promise<SignLanguageVideo | null> {
  return source();
}

/** Tests (and the wiring to uploaded documents) choose where the video comes from; null restores "none". */
export function setSignLanguageVideoSource(next: VideoSource | null) {
  source = next ?? noVideoYet;
}
