import type { QuietchartApi } from '../../common/api';

declare global {
  /**
   * Installed by preload (Electron) before any page script runs. Optional here because the page
   * must fail clearly, not crash, when opened without it.
   */
  var quietchart: QuietchartApi | undefined;
}
