/** Page paths for Taro navigation (leading slash, as Taro.reLaunch expects). */
export const LOGIN_PAGE = '/pages/login/index';
export const HOME_PAGE = '/pages/home/index';
