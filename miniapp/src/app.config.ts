export default defineAppConfig({
  // The first page is the entry: login forwards to home when a session is still valid.
  pages: ['pages/login/index', 'pages/home/index'],
  // Officer pages live in the main package. Enterprise-facing pages (code check `verify`, SMS
  // `rate`) will be a subpackage, `{ root: 'enterprise', pages: ['pages/verify/index',
  // 'pages/rate/index'] }`, so an enterprise opening a link downloads only what it needs and the
  // main package stays under WeChat's 2 MB; scripts/check-size.mjs already excludes
  // subpackage roots when it measures the main package.
  window: {
    navigationBarTitleText: '码上入企',
    navigationBarBackgroundColor: '#1f4fd1',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f4f7',
    backgroundTextStyle: 'light',
  },
});
