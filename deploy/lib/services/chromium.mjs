// A Chromium for the browser tests, with Chinese fonts so screenshots show the text.
import fs from 'node:fs';
import { aptInstall, debPackageInstalled } from './apt.mjs';
import { defaultLog } from './common.mjs';

const CJK_FONT_PACKAGE = 'fonts-noto-cjk';

/**
 * Path of a Chromium for headless tests: $CHROMIUM_PATH if set and present, else /usr/bin/chromium,
 * installing Debian's `chromium` and `fonts-noto-cjk` (so Chinese text renders) when missing.
 *
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<string>}
 */
export async function ensureChromium({ log = defaultLog } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  if (fromEnv) log(`CHROMIUM_PATH=${fromEnv} does not exist — falling back to /usr/bin/chromium`);
  const chromium = '/usr/bin/chromium';
  if (fs.existsSync(chromium)) {
    if (debPackageInstalled(CJK_FONT_PACKAGE) === false) {
      try {
        const ok = await aptInstall([CJK_FONT_PACKAGE], { log, why: 'Chinese fonts missing' });
        if (!ok) log(`warning: ${CJK_FONT_PACKAGE} is not installed, Chinese text may render as boxes / 未安装中文字体`);
      } catch (e) {
        log(`warning: could not install ${CJK_FONT_PACKAGE}: ${e.message}`);
      }
    }
    return chromium;
  }
  const ok = await aptInstall(['chromium', CJK_FONT_PACKAGE], { log, why: 'Chromium not found' });
  if (!ok || !fs.existsSync(chromium)) {
    throw new Error(
      `Chromium not found at ${chromium}${ok ? ' even after apt-get install chromium' : ''} and cannot be installed automatically ` +
        `(need root or passwordless sudo, and apt-get). Install it — on Debian: sudo apt-get install -y chromium ${CJK_FONT_PACKAGE} — ` +
        `or set CHROMIUM_PATH to an existing Chromium/Chrome binary.\n` +
        `未找到 Chromium（${chromium}），且无法自动安装（需要 root 或免密 sudo 以及 apt-get）。` +
        `请执行 sudo apt-get install -y chromium ${CJK_FONT_PACKAGE}，或设置 CHROMIUM_PATH 指向已安装的 Chromium/Chrome。`,
    );
  }
  return chromium;
}
