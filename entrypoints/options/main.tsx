// Options page wiring: the browser APIs the page needs, handed to components/options/OptionsApp.
import { render } from 'preact';
import { browser } from '#imports';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { OptionsApi } from '@/components/options/api';
import { feedOriginPattern } from '@/lib/protocol';
import { client, onPageEvent } from '@/utils/client';

const api: OptionsApi = {
  send: client.send,
  requestHostPermission: (url) => browser.permissions.request({ origins: [feedOriginPattern(url)] }),
  hasHostPermission: (url) => browser.permissions.contains({ origins: [feedOriginPattern(url)] }),
  onEvent: onPageEvent,
};

render(<OptionsApp api={api} />, document.getElementById('app')!);
