export default defineAppConfig({
  // The first page is the entry: login forwards to home when a session is still valid.
  // Officer pages live in the main package.
  pages: ['pages/login/index', 'pages/home/index', 'pages/plans/index', 'pages/plan-new/index'],
  // Enterprise-facing pages are a subpackage, so an enterprise opening a code link downloads only
  // what it needs and the main package stays under WeChat's 2 MB; scripts/check-size.mjs measures
  // it on its own. `verify` is public (no login); the SMS rating page `rate` will join it.
  // H5 route: /enterprise/pages/verify/index (the server redirects /v/<token> there with ?c=).
  subPackages: [{ root: 'enterprise', pages: ['pages/verify/index'] }],
  window: {
    navigationBarTitleText: '码上入企',
    navigationBarBackgroundColor: '#1f4fd1',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f4f7',
    backgroundTextStyle: 'light',
  },
});
