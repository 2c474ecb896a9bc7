// Options page wiring: the browser APIs the page needs, handed to components/options/OptionsApp.
import { render } from 'preact';
import { browser } from '#imports';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { OptionsApi } from '@/components/options/api';
import { parsePageEvent } from '@/lib/protocol';
import { feedOriginPattern } from '@/lib/store/feeds';
import { send } from '@/utils/send';

const api: OptionsApi = {
  send,
  requestHostPermission: (url) => browser.permissions.request({ origins: [feedOriginPattern(url)] }),
  hasHostPermission: (url) => browser.permissions.contains({ origins: [feedOriginPattern(url)] }),
  onEvent: (listener) => {
    // Only the background's events; requests other pages send to the background are not ours to answer.
    const onMessage = (message: unknown) => {
      const event = parsePageEvent(message);
      if (event) listener(event);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  },
};

render(<OptionsApp api={api} />, document.getElementById('app')!);
