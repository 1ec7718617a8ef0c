import { COLORS } from './styles/tokens';

export default defineAppConfig({
  // The first page is the entry: login forwards to home when a session is still valid.
  // Officer pages live in the main package.
  pages: ['pages/login/index', 'pages/home/index', 'pages/plans/index', 'pages/plan-new/index', 'pages/scan/index', 'pages/inspection/index', 'pages/offsite/index'],
  // Enterprise-facing pages are a subpackage, so an enterprise opening a code link downloads only
  // what it needs and the main package stays under WeChat's 2 MB; scripts/check-size.mjs measures
  // it on its own. `verify` and the SMS rating page `rate` are public (no login). H5 routes:
  // /enterprise/pages/verify/index (the server redirects /v/<token> there with ?c=) and
  // /enterprise/pages/rate/index (/r/<token> arrives with ?t=, /r without: the code box), and the
  // penalty notice's supervision code /enterprise/pages/penalty/index (/p/<token> arrives with ?t=),
  // and the public random draws (双随机一公开) /enterprise/pages/draws/index, the off-site check's
  // request /enterprise/pages/offsite/index (/o/<token> arrives with ?t=; from its signed-in page with ?id=)
  // and the published special campaigns (专项检查) /enterprise/pages/campaigns/index.
  // On H5 the server sends those links to enterprise.html, an entry with these pages alone
  // (src/enterprise/h5/).
  // The enterprise's port signs in at /enterprise/pages/signin/index (/e) and opens its own page
  // `home`; `complain` is 码上响应 without signing in (/c).
  // The supervision console (执法监督) is for desks: H5 only, so the WeChat build never carries it.
  // Penalty cases (行政处罚) are a subpackage of their own: officers open them a few times a week,
  // so the main package does not carry their forms.
  subPackages: [
    { root: 'enterprise', pages: ['pages/verify/index', 'pages/rate/index', 'pages/penalty/index', 'pages/draws/index', 'pages/campaigns/index', 'pages/signin/index', 'pages/home/index', 'pages/complain/index', 'pages/offsite/index'] },
    { root: 'penalty', pages: ['pages/cases/index', 'pages/case/index', 'pages/file/index'] },
    ...(process.env.TARO_ENV === 'h5'
      ? [
          {
            root: 'console',
            pages: [
              'pages/cases/index', 'pages/case/index', 'pages/dashboard/index', 'pages/report/index', 'pages/audit/index',
              'pages/reviews/index', 'pages/penalty-cases/index', 'pages/penalty-case/index',
              'pages/benchmarks/index', 'pages/benchmark/index', 'pages/disputed/index', 'pages/warning/index',
              'pages/scenarios/index', 'pages/review-requests/index', 'pages/registers/index', 'pages/imports/index', 'pages/plan-approvals/index',
              'pages/colours/index', 'pages/campaigns/index',
            ],
          },
        ]
      : []),
  ],
  // The check-in records where the officer stood when WeChat allows it; WeChat refuses getLocation
  // unless it is declared here with a reason shown to the user.
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '入企登记时记录检查地点' } },
  window: {
    navigationBarTitleText: '码上入企',
    navigationBarBackgroundColor: COLORS.primary,
    navigationBarTextStyle: 'white',
    backgroundColor: COLORS.page,
    backgroundTextStyle: 'light',
  },
});
