import { expect } from "vitest";

/** GETs an OParl URL of the test server and checks the headers every answer must carry. */
export async function getOparl(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers, redirect: "manual" });
  expect(response.headers.get("access-control-allow-origin"), url).toBe("*");
  expect(response.headers.get("content-type"), url).toBe("application/json; charset=utf-8");
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as any };
}

/** Every page of a list, following links.next; checks next is on every page but the last. */
export async function walkList(firstUrl: string, headers: Record<string, string> = {}, maxPages = 200) {
  const pages: any[] = [];
  let url: string | undefined = firstUrl;
  while (url && pages.length < maxPages) {
    const { status, json } = await getOparl(url, headers);
    expect(status, url).toBe(200);
    pages.push(json);
    const { currentPage, totalPages } = json.pagination;
    if (currentPage < totalPages) expect(json.links.next, url).toBeTruthy();
    else expect(json.links.next, url).toBeUndefined();
    url = json.links.next;
  }
  return { pages, data: pages.flatMap((page) => page.data) };
}

/** Login through the form, as a browser would; returns the Cookie header. */
export async function signIn(baseUrl: string, email: string, password: string) {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie");
  expect(cookie, await response.text()).toBeTruthy();
  return cookie!.split(";")[0];
}

export async function postForm(url: string, cookie: string, form: Record<string, string>) {
  const origin = new URL(url).origin;
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: origin },
    body: new URLSearchParams(form),
    redirect: "manual",
  });
}
