/**
 * The enterprise H5 entry (`/h5/enterprise.html#/enterprise/pages/…`, where the server sends /v/<code>,
 * /r, /r/<token>, /p/<token> and /o/<token>): the enterprise pages alone, on Preact with `@tarojs/taro` and
 * `@tarojs/components` resolved to ./taro.ts and ./components.tsx (scripts/build-enterprise-h5.mjs),
 * in one small script and one stylesheet, so a phone on a weak signal shows the page after a few
 * round trips instead of first loading the officers' app, React DOM and Taro's runtime. The pages
 * are the very ones the mini-program and the full H5 app show.
 */
// Stylesheets first, in the order Taro's H5 app has them: Taro's page-wide rules, the app's, the pages'.
import '@tarojs/components/global.css';
import '../../app.css';
import type { ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { parseHashRoute } from '../../logic/hash-route';
import CampaignsPage from '../pages/campaigns/index';
import campaignsConfig from '../pages/campaigns/index.config';
import DrawsPage from '../pages/draws/index';
import drawsConfig from '../pages/draws/index.config';
import OffsitePage from '../pages/offsite/index';
import offsiteConfig from '../pages/offsite/index.config';
import PenaltyPage from '../pages/penalty/index';
import penaltyConfig from '../pages/penalty/index.config';
import RatePage from '../pages/rate/index';
import rateConfig from '../pages/rate/index.config';
import VerifyPage from '../pages/verify/index';
import verifyConfig from '../pages/verify/index.config';
import { isEnterpriseH5Page, type EnterpriseH5Page } from './pages';
import { fullAppUrl, openRoute } from './taro';

const PAGES: Record<EnterpriseH5Page, { Page: ComponentType; title?: string }> = {
  'enterprise/pages/verify/index': { Page: VerifyPage, title: verifyConfig.navigationBarTitleText },
  'enterprise/pages/rate/index': { Page: RatePage, title: rateConfig.navigationBarTitleText },
  'enterprise/pages/penalty/index': { Page: PenaltyPage, title: penaltyConfig.navigationBarTitleText },
  'enterprise/pages/draws/index': { Page: DrawsPage, title: drawsConfig.navigationBarTitleText },
  'enterprise/pages/offsite/index': { Page: OffsitePage, title: offsiteConfig.navigationBarTitleText },
  'enterprise/pages/campaigns/index': { Page: CampaignsPage, title: campaignsConfig.navigationBarTitleText },
};

/**
 * The root font size Taro's H5 pages are laid out in (their px become rem at build time): 20px on a
 * 375px-wide phone, in proportion to the shorter side, within 20–40px, as Taro's H5 start-up sets it.
 */
function setRootFontSize(): void {
  const root = document.documentElement;
  const { width, height } = root.getBoundingClientRect();
  const side = Math.min(...[width, height].filter(Boolean));
  const size = (20 * side) / 375;
  root.style.fontSize = `${size >= 40 ? 40 : size <= 20 ? 20 : size}px`;
}

setRootFontSize();
addEventListener('resize', () => {
  setRootFontSize();
  setTimeout(setRootFontSize, 500);
});
// Another route typed into the address: open it afresh (in the full app unless it is one of these pages).
addEventListener('hashchange', () => location.reload());

const route = parseHashRoute(location.hash);
if (isEnterpriseH5Page(route.path)) {
  const { Page, title } = PAGES[route.path];
  if (title) document.title = title;
  openRoute(route);
  createRoot(document.getElementById('app')!).render(<Page />);
} else {
  location.replace(fullAppUrl(location.hash.replace(/^#/, '') || '/'));
}
