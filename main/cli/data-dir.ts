import os from 'node:os';
import path from 'node:path';

/** Same folder Electron's app.getPath('userData') gives the app, so the CLI sees the app's store. */
export const defaultDataDir = (platform: NodeJS.Platform = process.platform, env = process.env): string => {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'quietchart');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'quietchart');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'quietchart');
};
