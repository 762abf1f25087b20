#include "app/ServerApp.h"

int main(int argc, char** argv)
{
    ileadx::ServerApp app;
    return app.run(argc, argv);
}
