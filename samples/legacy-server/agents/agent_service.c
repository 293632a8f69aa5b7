/* A minimal native Windows service, as platform agents are: it registers
 * with the service control manager and stops when told to. The bundled
 * server installs it twice, with the version resource of a hypervisor's
 * guest tools (vmtools.rc) and of an endpoint security sensor (sense.rc):
 * what tells such a service from an application is its registry entry,
 * its folder and its version resource, never the code. */
#include <windows.h>

static SERVICE_STATUS_HANDLE status_handle;
static SERVICE_STATUS status = {SERVICE_WIN32_OWN_PROCESS, SERVICE_RUNNING,
                                SERVICE_ACCEPT_STOP, NO_ERROR, 0, 0, 0};
static HANDLE stop_event;

static DWORD WINAPI control(DWORD code, DWORD type, LPVOID data, LPVOID context) {
  (void)type;
  (void)data;
  (void)context;
  if (code == SERVICE_CONTROL_STOP) {
    status.dwCurrentState = SERVICE_STOP_PENDING;
    SetServiceStatus(status_handle, &status);
    SetEvent(stop_event);
  }
  return NO_ERROR;
}

static void WINAPI service_main(DWORD argc, LPWSTR *argv) {
  (void)argc;
  status_handle = RegisterServiceCtrlHandlerExW(argv[0], control, NULL);
  if (!status_handle) return;
  stop_event = CreateEventW(NULL, TRUE, FALSE, NULL);
  SetServiceStatus(status_handle, &status);
  WaitForSingleObject(stop_event, INFINITE);
  status.dwCurrentState = SERVICE_STOPPED;
  SetServiceStatus(status_handle, &status);
}

int main(void) {
  /* The name is ignored for an own-process service: the SCM passes the registered one. */
  SERVICE_TABLE_ENTRYW table[] = {{L"", service_main}, {NULL, NULL}};
  return StartServiceCtrlDispatcherW(table) ? 0 : (int)GetLastError();
}
