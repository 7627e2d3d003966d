// Whether this server is a demo installation with a demo mailbox: asked once per page load.
import { useEffect, useState } from 'react';
import * as api from '../api/client';
import type { DemoInfo } from '../api/types';

const NOT_A_DEMO: DemoInfo = { demo_mode: false, mailbox: false };
let asked: Promise<DemoInfo> | null = null;

/** Null until the server answered; a server that cannot say is taken for a non-demo one. */
export function useDemoInfo(): DemoInfo | null {
  const [info, setInfo] = useState<DemoInfo | null>(null);
  useEffect(() => {
    let live = true;
    asked ??= api.getDemo().catch(() => NOT_A_DEMO);
    void asked.then((i) => {
      if (live) setInfo(i);
    });
    return () => {
      live = false;
    };
  }, []);
  return info;
}
